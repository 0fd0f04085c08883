using System.Reflection;
using Dapper;
using UjDatabase.Core.Storage;
using Microsoft.Data.SqlClient;

namespace UjDatabase.Server.SqlServer;

/// <summary>Opens connections to SQL Server and applies the T-SQL migrations in Migrations/, in order, each once.</summary>
public sealed class SqlServerDatabase(string connectionString)
{
    private const string MigrationPrefix = "UjDatabase.Server.SqlServer.Migrations.";

    public async Task<SqlConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqlConnection(connectionString);
        await OpenOrExplainAsync(connection, cancellationToken);
        return connection;
    }

    /// <summary>Opens a connection; a server that cannot be reached or refuses the login becomes a message naming the setting.</summary>
    private static async Task OpenOrExplainAsync(SqlConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (SqlException ex)
        {
            var server = new SqlConnectionStringBuilder(connection.ConnectionString).DataSource;
            await connection.DisposeAsync();
            throw new StoreUnavailableException(
                $"SQL Server at '{server}' could not be reached or refused the connection (set by {ServerSettings.SqlServerVariable}): {ex.Message}",
                ex);
        }
    }

    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await CreateDatabaseIfMissingAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(SqlServerStatements.CreateSchemaVersion);
        var applied = new List<string>();
        foreach (var (name, sql) in Migrations())
        {
            await using var transaction = (SqlTransaction)await connection.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken);
            var done = await connection.ExecuteScalarAsync<int>(SqlServerStatements.MigrationDone, new { name }, transaction);
            if (done > 0)
            {
                continue;
            }

            foreach (var batch in Batches(sql))
            {
                await connection.ExecuteAsync(batch, transaction: transaction);
            }

            await connection.ExecuteAsync(SqlServerStatements.RecordMigration, new { name }, transaction);
            await transaction.CommitAsync(cancellationToken);
            applied.Add(name);
        }

        return applied;
    }

    /// <summary>A fresh server has only its system databases: create the one the connection string names.</summary>
    private async Task CreateDatabaseIfMissingAsync(CancellationToken cancellationToken)
    {
        var builder = new SqlConnectionStringBuilder(connectionString);
        var name = builder.InitialCatalog;
        if (string.IsNullOrEmpty(name) || name.Equals("master", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        builder.InitialCatalog = "master";
        await using var connection = new SqlConnection(builder.ConnectionString);
        await OpenOrExplainAsync(connection, cancellationToken);
        var quoted = "[" + name.Replace("]", "]]", StringComparison.Ordinal) + "]";
        await connection.ExecuteAsync(SqlServerStatements.CreateDatabase, new { name, quoted });
    }

    /// <summary>The migrations compiled into this assembly, by file name, in the order they apply.</summary>
    public static IReadOnlyList<(string Name, string Sql)> Migrations() => SqlResources.Load(Assembly.GetExecutingAssembly(), MigrationPrefix);

    /// <summary>Splits a script on lines that hold only GO, as sqlcmd does.</summary>
    public static IReadOnlyList<string> Batches(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var batches = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var line in sql.Split('\n'))
        {
            if (line.Trim().Equals("GO", StringComparison.OrdinalIgnoreCase))
            {
                batches.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(line).Append('\n');
            }
        }

        batches.Add(current.ToString());
        return batches.Where(b => !string.IsNullOrWhiteSpace(b)).ToList();
    }
}
