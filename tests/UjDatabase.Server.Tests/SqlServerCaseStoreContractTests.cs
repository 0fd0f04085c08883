using Dapper;
using Microsoft.Data.SqlClient;
using UjDatabase.Core.Storage;
using UjDatabase.Server.SqlServer;
using UjDatabase.Tests.Contracts;

namespace UjDatabase.Server.Tests;

/// <summary>
/// The store contract on SQL Server, when <c>UJDB_TEST_SQLSERVER</c> holds a connection string (the GitHub Actions
/// workflow starts a server); each test gets a database of its own, dropped afterwards. Skipped with that reason otherwise.
/// </summary>
public sealed class SqlServerCaseStoreContractTests : CaseStoreContract
{
    protected override Task<IStoreUnderTest> CreateAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable(SqlServerTests.Variable);
        Skip.If(string.IsNullOrWhiteSpace(connectionString), $"{SqlServerTests.Variable} is not set: no SQL Server to test against.");
        var builder = new SqlConnectionStringBuilder(connectionString) { InitialCatalog = $"ujdb_test_{Guid.NewGuid():N}" };
        return Task.FromResult<IStoreUnderTest>(new SqlServerStore(builder));
    }

    private sealed class SqlServerStore(SqlConnectionStringBuilder builder) : IStoreUnderTest
    {
        private readonly SqlServerDatabase database = new(builder.ConnectionString);

        private SqlServerCaseStore? store;

        public ICaseStore Store => store ??= new SqlServerCaseStore(database);

        public IIndexSource Source => (IIndexSource)Store;

        public UjDatabase.Core.Accounts.IAccountStore Accounts => new SqlServerAccountStore(database);

        public UjDatabase.Core.Editing.IRecordEditor Editor => (UjDatabase.Core.Editing.IRecordEditor)Store;

        public UjDatabase.Core.Editing.IDraftStore Drafts => (UjDatabase.Core.Editing.IDraftStore)Store;

        public async ValueTask DisposeAsync()
        {
            var name = builder.InitialCatalog;
            var master = new SqlConnectionStringBuilder(builder.ConnectionString) { InitialCatalog = "master" };
            SqlConnection.ClearAllPools();
            await using var connection = new SqlConnection(master.ConnectionString);
            await connection.OpenAsync();
            await connection.ExecuteAsync($"ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{name}];");
        }
    }
}
