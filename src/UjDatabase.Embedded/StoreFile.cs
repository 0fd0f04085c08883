using System.Globalization;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;

namespace UjDatabase.Embedded;

/// <summary>
/// Backups and restores of the embedded store: SQLite's online backup API, so that a backup is one consistent moment of
/// the store taken while the app goes on reading and writing, and a restore replaces the store in one transaction.
/// </summary>
public static class StoreFile
{
    private static readonly byte[] SqliteHeader = Encoding.ASCII.GetBytes("SQLite format 3\0");

    /// <summary>Copies the store to a new file (never over an existing one) and checks the copy; returns its record count.</summary>
    public static long Backup(SqliteDatabase database, string file)
    {
        ArgumentNullException.ThrowIfNull(database);
        var target = Path.GetFullPath(file);
        if (File.Exists(target) || Directory.Exists(target))
        {
            throw new IOException($"{target} exists already; give the backup a new file name.");
        }

        if (!File.Exists(database.Path))
        {
            throw new IOException($"There is no store at {database.Path} to back up.");
        }

        if (Path.GetDirectoryName(target) is { } folder && !Directory.Exists(folder))
        {
            throw new IOException($"The backup cannot be written at {target}: the directory {folder} does not exist.");
        }

        // Written beside the target and renamed at the end, so that a failed or killed backup leaves no file that looks whole.
        var partial = target + ".partial";
        File.Delete(partial);
        try
        {
            using (var source = database.Open())
            using (var copy = new SqliteConnection(Connection(partial, SqliteOpenMode.ReadWriteCreate)))
            {
                try
                {
                    copy.Open();
                }
                catch (SqliteException ex)
                {
                    throw new IOException($"The backup cannot be written at {target} ({ex.Message}); choose a file in a directory this user can write.", ex);
                }

                source.BackupDatabase(copy);
                // One self-contained file: no write-ahead log beside it.
                copy.Execute("PRAGMA journal_mode = DELETE;");
            }

            var count = Check(partial);
            File.Move(partial, target);
            return count;
        }
        catch
        {
            SqliteConnection.ClearAllPools();
            File.Delete(partial);
            throw;
        }
    }

    /// <summary>
    /// Checks that a file is a whole UjDatabase store this version can read: a SQLite file that passes the integrity
    /// check, with the store's schema and no migration newer than this version knows. Returns its record count.
    /// </summary>
    public static long Check(string file)
    {
        var full = Path.GetFullPath(file);
        if (!File.Exists(full))
        {
            throw new InvalidDataException($"{full}: no such file.");
        }

        if (!IsSqlite(full))
        {
            throw new InvalidDataException($"{full} is not a SQLite database, so not a UjDatabase backup.");
        }

        try
        {
            using var connection = new SqliteConnection(Connection(full, SqliteOpenMode.ReadOnly));
            connection.Open();
            var integrity = connection.Query<string>("PRAGMA integrity_check;").ToList();
            if (integrity is not ["ok"])
            {
                throw new InvalidDataException($"{full} fails SQLite's integrity check: {string.Join("; ", integrity.Take(3))}");
            }

            var tables = connection.Query<string>(SqliteStatements.TableNames).ToHashSet(StringComparer.Ordinal);
            if (!tables.Contains("schema_version") || !tables.Contains("cases"))
            {
                throw new InvalidDataException($"{full} is a SQLite database but not a UjDatabase store (it has no schema_version or cases table).");
            }

            var newer = NewerVersions(connection);
            if (newer.Count > 0)
            {
                throw new InvalidDataException($"{full} was written by a newer version of UjDatabase (schema {string.Join(", ", newer)}); restore it with that version or a later one.");
            }

            return connection.ExecuteScalar<long>(SqliteStatements.CountCases);
        }
        catch (SqliteException ex)
        {
            throw new InvalidDataException($"{full} cannot be read as a UjDatabase store: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Replaces the store's content with a checked backup in one transaction, after keeping the current store as
    /// <c>ujdb.sqlite.before-restore-TIME</c>; then brings the restored schema up to date. Returns the record count.
    /// The caller makes sure no other process uses the store.
    /// </summary>
    public static (long Records, string? Kept) Restore(SqliteDatabase database, string file, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(clock);
        Check(file);
        string? kept = null;
        if (File.Exists(database.Path))
        {
            kept = $"{database.Path}.before-restore-{clock.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}";
            if (new FileInfo(database.Path).Length == 0 || IsSqlite(database.Path))
            {
                Backup(database, kept);
            }
            else
            {
                // Not a store at all (a file copied over it): kept as it is, and the backup goes in its place.
                File.Move(database.Path, kept);
            }
        }

        using (var source = new SqliteConnection(Connection(Path.GetFullPath(file), SqliteOpenMode.ReadOnly)))
        using (var store = database.Open())
        {
            source.Open();
            source.BackupDatabase(store);
        }

        database.Migrate();
        using var connection = database.Open();
        return (connection.ExecuteScalar<long>(SqliteStatements.CountCases), kept);
    }

    /// <summary>Whether the file starts as every SQLite database does.</summary>
    public static bool IsSqlite(string path)
    {
        var header = new byte[SqliteHeader.Length];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length && header.AsSpan().SequenceEqual(SqliteHeader);
    }

    /// <summary>The schema versions a store records that this version of UjDatabase does not know: a newer version wrote it.</summary>
    public static IReadOnlyList<string> NewerVersions(SqliteConnection connection)
    {
        var known = SqliteDatabase.Migrations().Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        return connection.Query<string>(SqliteStatements.SchemaVersions).Where(v => !known.Contains(v)).Order(StringComparer.Ordinal).ToList();
    }

    private static string Connection(string path, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString();
}
