using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Data.Sqlite;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Storage;

namespace UjDatabase.Embedded;

/// <summary>The embedded store of record: normalised SQLite tables written through Dapper, with an outbox row per change.</summary>
public sealed class SqliteCaseStore(SqliteDatabase database) : ICaseStore, IIndexSource
{
    private const int PageSize = 1000;

    public Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        database.Migrate();
        return Task.CompletedTask;
    }

    public Task<int> UpsertAsync(IEnumerable<CaseRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        using var connection = database.Open();

        // A large import touches more pages than SQLite's default 2 MB cache holds; the setting stays with the pooled
        // connection, so it is put back afterwards.
        connection.Execute("PRAGMA cache_size = -262144");
        try
        {
            return Task.FromResult(Upsert(connection, records, cancellationToken));
        }
        catch (SqliteException ex)
        {
            throw database.Explain(ex);
        }
        finally
        {
            connection.Execute("PRAGMA cache_size = -2000");
        }
    }

    private static int Upsert(SqliteConnection connection, IEnumerable<CaseRecord> records, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction();
        var version = connection.ExecuteScalar<long>("SELECT value FROM store_state WHERE name = 'last_version'", transaction: transaction);
        var written = 0;
        using (var writer = new CaseWriter(connection, transaction, DateTimeOffset.UtcNow.ToString("O")))
        {
            foreach (var record in records)
            {
                cancellationToken.ThrowIfCancellationRequested();
                version++;
                writer.Add(record, version);
                written++;
            }

            writer.Flush();
        }

        connection.Execute("UPDATE store_state SET value = @version WHERE name = 'last_version'", new { version }, transaction);
        transaction.Commit();
        return written;
    }

    public async Task<CaseRecord?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        (await GetManyAsync([id], cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<CaseRecord>> GetManyAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken = default) =>
        this.GetInOrderAsync(ids, cancellationToken);

    public Task<IReadOnlyList<CaseRecord>> GetGroupAsync(string caseGroup, CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        return Task.FromResult<IReadOnlyList<CaseRecord>>(
            CaseRows.Select(connection, "WHERE case_group = @caseGroup ORDER BY id", new { caseGroup }).Select(v => v.Record).ToList());
    }

    public IAsyncEnumerable<CaseRecord> StreamAllAsync(CancellationToken cancellationToken = default) =>
        StreamVersionedAsync(cancellationToken).Select(v => v.Record);

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var deleted = connection.Execute("DELETE FROM cases WHERE id = @id", new { id }, transaction) > 0;
        if (deleted)
        {
            var version = connection.ExecuteScalar<long>(
                "UPDATE store_state SET value = value + 1 WHERE name = 'last_version' RETURNING value", transaction: transaction);
            connection.Execute(
                "INSERT INTO outbox (case_id, operation, version, created_at) VALUES (@id, 'delete', @version, @now)",
                new { id, version, now = DateTimeOffset.UtcNow.ToString("O") },
                transaction);
        }

        transaction.Commit();
        return Task.FromResult(deleted);
    }

    public Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        return Task.FromResult(connection.ExecuteScalar<long>("SELECT COUNT(*) FROM cases"));
    }

    public Task<IReadOnlySet<string>> FindExistingIdsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (ids.Count > 0)
        {
            using var connection = database.Open();
            found.UnionWith(connection.Query<string>("SELECT id FROM cases WHERE id IN (SELECT value FROM json_each(@ids))", new { ids = CaseRows.JsonList(ids) }));
        }

        return Task.FromResult<IReadOnlySet<string>>(found);
    }

    public Task<IReadOnlyList<OutboxItem>> ReadPendingAsync(int max, CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        return Task.FromResult<IReadOnlyList<OutboxItem>>(connection.Query<(long Seq, string CaseId, string Operation, long Version)>(
                "SELECT seq, case_id, operation, version FROM outbox WHERE processed_at IS NULL ORDER BY seq LIMIT @max", new { max })
            .Select(r => new OutboxItem(r.Seq, r.CaseId, r.Operation, r.Version)).ToList());
    }

    public Task<IReadOnlyList<OutboxItem>> ReadAfterAsync(long seq, int max, CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        return Task.FromResult<IReadOnlyList<OutboxItem>>(connection.Query<(long Seq, string CaseId, string Operation, long Version)>(
                "SELECT seq, case_id, operation, version FROM outbox WHERE seq > @seq ORDER BY seq LIMIT @max", new { seq, max })
            .Select(r => new OutboxItem(r.Seq, r.CaseId, r.Operation, r.Version)).ToList());
    }

    public Task<long> LastSeqAsync(CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        return Task.FromResult(connection.ExecuteScalar<long?>("SELECT MAX(seq) FROM outbox") ?? 0);
    }

    public Task<OutboxLag> LagAsync(CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        var (pending, oldest, dead) = connection.QuerySingle<(long, string?, long)>(
            "SELECT COUNT(*), MIN(created_at), (SELECT COUNT(*) FROM dead_letters) FROM outbox WHERE processed_at IS NULL");
        return Task.FromResult(new OutboxLag(pending, oldest is null ? null : DateTimeOffset.Parse(oldest, System.Globalization.CultureInfo.InvariantCulture), dead));
    }

    public Task SetAsideAsync(IReadOnlyList<DeadLetter> letters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(letters);
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        connection.Execute(
            """
            INSERT INTO dead_letters (case_id, version, error, failed_at) VALUES (@CaseId, @Version, @Error, @at)
            ON CONFLICT (case_id) DO UPDATE SET version = excluded.version, error = excluded.error, failed_at = excluded.failed_at
            """,
            letters.Select(l => new { l.CaseId, l.Version, l.Error, at = l.FailedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture) }),
            transaction);
        transaction.Commit();
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        return Task.FromResult<IReadOnlyList<DeadLetter>>(connection.Query<(string, long, string, string)>("SELECT case_id, version, error, failed_at FROM dead_letters ORDER BY case_id")
            .Select(r => new DeadLetter(r.Item1, r.Item2, r.Item3, DateTimeOffset.Parse(r.Item4, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList());
    }

    public Task<int> RetryDeadAsync(CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var requeued = connection.Execute(
            """
            INSERT INTO outbox (case_id, operation, version, created_at)
            SELECT d.case_id, CASE WHEN c.id IS NULL THEN 'delete' ELSE 'upsert' END, COALESCE(c.version, d.version), @now
            FROM dead_letters d LEFT JOIN cases c ON c.id = d.case_id
            """,
            new { now = DateTimeOffset.UtcNow.ToString("O") },
            transaction);
        connection.Execute("DELETE FROM dead_letters", transaction: transaction);
        transaction.Commit();
        return Task.FromResult(requeued);
    }

    public Task MarkProcessedAsync(IReadOnlyList<long> seqs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(seqs);
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var list = CaseRows.JsonList(seqs);
        // The index has taken (or refused anew) the latest change of these records: an older dead letter of theirs is over.
        connection.Execute("DELETE FROM dead_letters WHERE case_id IN (SELECT case_id FROM outbox WHERE seq IN (SELECT value FROM json_each(@list)))", new { list }, transaction);
        connection.Execute("UPDATE outbox SET processed_at = @now WHERE seq IN (SELECT value FROM json_each(@list))", new { now = DateTimeOffset.UtcNow.ToString("O"), list }, transaction);
        transaction.Commit();

        return Task.CompletedTask;
    }

    public Task<bool> TryTakeLeaseAsync(string holder, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        var now = DateTimeOffset.UtcNow;
        // ISO 8601 UTC text compares in time order, so "lapsed" is a string comparison.
        connection.Execute(
            "INSERT INTO sync_lease (name, holder, expires_at) VALUES ('index-sync', @holder, @until) "
            + "ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at "
            + "WHERE sync_lease.holder = excluded.holder OR sync_lease.expires_at < @now",
            new { holder, until = (now + duration).ToString("O"), now = now.ToString("O") });
        return Task.FromResult(connection.ExecuteScalar<string>("SELECT holder FROM sync_lease WHERE name = 'index-sync'") == holder);
    }

    public Task TakeOverLeaseAsync(string holder, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        connection.Execute(
            "INSERT INTO sync_lease (name, holder, expires_at) VALUES ('index-sync', @holder, @until) "
            + "ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at",
            new { holder, until = (DateTimeOffset.UtcNow + duration).ToString("O") });
        return Task.CompletedTask;
    }

    public Task ReleaseLeaseAsync(string holder, CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        connection.Execute("DELETE FROM sync_lease WHERE name = 'index-sync' AND holder = @holder", new { holder });
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<VersionedRecord>> GetVersionedAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        using var connection = database.Open();
        return Task.FromResult<IReadOnlyList<VersionedRecord>>(CaseRows.SelectByIds(connection, ids));
    }

    public async IAsyncEnumerable<VersionedRecord> StreamVersionedAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var after = string.Empty;
        while (true)
        {
            List<VersionedRecord> page;
            using (var connection = database.Open())
            {
                page = CaseRows.Select(connection, "WHERE id > @after ORDER BY id LIMIT @PageSize", new { after, PageSize });
            }

            foreach (var versioned in page)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return versioned;
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            after = page[^1].Record.Id;
            await Task.Yield();
        }
    }

    /// <summary>Versions and outbox rows, for tests and for the index sync.</summary>
    public IReadOnlyList<OutboxEntry> ReadOutbox()
    {
        using var connection = database.Open();
        return connection.Query<OutboxEntry>(
            "SELECT seq AS Seq, case_id AS CaseId, operation AS Operation, version AS Version, processed_at IS NOT NULL AS Processed FROM outbox ORDER BY seq").AsList();
    }
}

/// <summary>One change waiting for (or already through) the index sync.</summary>
public sealed record OutboxEntry
{
    public long Seq { get; init; }

    public string CaseId { get; init; } = string.Empty;

    public string Operation { get; init; } = string.Empty;

    public long Version { get; init; }

    public bool Processed { get; init; }
}
