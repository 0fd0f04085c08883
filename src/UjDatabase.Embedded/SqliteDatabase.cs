using System.Reflection;
using Dapper;
using UjDatabase.Core.Storage;
using Microsoft.Data.Sqlite;

namespace UjDatabase.Embedded;

/// <summary>Opens connections to the embedded SQLite file and applies its migrations.</summary>
public sealed class SqliteDatabase
{
    private const string MigrationPrefix = "UjDatabase.Embedded.Migrations.";

    public SqliteDatabase(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Path { get; }

    public string ConnectionString { get; }

    /// <summary>The native connections the settings below have been applied to: the pool hands the same ones out again.</summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> configured = new();

    private bool directoryMade;

    /// <summary>Opens a connection with the per-connection settings every caller needs.</summary>
    public SqliteConnection Open()
    {
        if (!directoryMade && System.IO.Path.GetDirectoryName(Path) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
            directoryMade = true;
        }

        var connection = new SqliteConnection(ConnectionString);
        try
        {
            connection.Open();
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw Explain(ex);
        }

        // busy_timeout: a writer waits for another writer instead of failing at once. foreign_keys: cascades and
        // referential checks are off by default in SQLite. synchronous=NORMAL is durable in WAL mode and much faster.
        // Once per native connection: running them on every open from the pool was a measurable part of a search.
        var handle = connection.Handle!;
        if (!configured.TryGetValue(handle, out _))
        {
            connection.Execute("PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;");
            configured.AddOrUpdate(handle, handle);
        }

        return connection;
    }

    /// <summary>Applies, in name order, every embedded migration not yet recorded in <c>schema_version</c>.</summary>
    public IReadOnlyList<string> Migrate()
    {
        try
        {
            return MigrateOnce();
        }
        catch (SqliteException ex)
        {
            throw Explain(ex);
        }
    }

    private List<string> MigrateOnce()
    {
        // A file that is not a store (a mistyped UJDB_DATA_DIR, a file copied over it) is named, never written to.
        if (File.Exists(Path) && new FileInfo(Path).Length > 0 && !StoreFile.IsSqlite(Path))
        {
            throw new InvalidOperationException($"{Path} is not a UjDatabase store (not a SQLite database). Move it away, restore a backup there ('ujdb restore FILE'), or point UJDB_DATA_DIR at another directory.");
        }

        using var connection = Open();
        // WAL lets readers go on while the sync worker or an import writes; the setting is stored in the file.
        connection.Execute("PRAGMA journal_mode = WAL;");
        connection.Execute(SqliteStatements.CreateSchemaVersion);

        var newer = StoreFile.NewerVersions(connection);
        if (newer.Count > 0)
        {
            // Its tables may mean something this version does not know: reading or writing them could corrupt it.
            throw new InvalidOperationException($"{Path} was written by a newer version of UjDatabase (schema {string.Join(", ", newer)}); run that version or a later one, or restore a backup made by this one.");
        }

        var applied = new List<string>();
        foreach (var (name, sql) in Migrations())
        {
            using var transaction = connection.BeginTransaction();
            var done = connection.ExecuteScalar<long>(
                SqliteStatements.MigrationDone, new { name }, transaction);
            if (done > 0)
            {
                continue;
            }

            connection.Execute(sql, transaction: transaction);
            connection.Execute(
                SqliteStatements.RecordMigration,
                new { name, at = DateTimeOffset.UtcNow.ToString("O") },
                transaction);
            transaction.Commit();
            applied.Add(name);
        }

        return applied;
    }

    /// <summary>
    /// A storage fault in words an operator can act on, naming the file: a full disk, a file or directory this user
    /// cannot write, a damaged file. Other SQLite errors are returned as they are.
    /// </summary>
    public Exception Explain(SqliteException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var directory = System.IO.Path.GetDirectoryName(Path);
        return error.SqliteErrorCode switch
        {
            13 => new IOException($"The disk holding {Path} is full: the write was rolled back and nothing of it was kept. Free some space, or point UJDB_DATA_DIR at a disk with room, and run it again.", error),
            8 or 14 or 23 => new IOException($"{Path} cannot be opened for writing by this user (read-only file or directory, or no permission); nothing was changed. Give this user write access to {directory}, or point UJDB_DATA_DIR at a writable directory.", error),
            10 => new IOException($"Reading or writing {Path} failed at the disk ({error.Message}); a write in progress was rolled back. Check the disk, then run 'ujdb verify'.", error),
            11 or 26 => new IOException($"{Path} is damaged or not a UjDatabase store ({error.Message}). Restore a backup ('ujdb restore FILE').", error),
            _ => error,
        };
    }

    /// <summary>The migrations compiled into this assembly, by file name, in the order they apply.</summary>
    public static IReadOnlyList<(string Name, string Sql)> Migrations() => SqlResources.Load(Assembly.GetExecutingAssembly(), MigrationPrefix);
}
