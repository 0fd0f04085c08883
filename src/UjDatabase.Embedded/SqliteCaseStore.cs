using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Data.Sqlite;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Editing;
using UjDatabase.Core.Interchange;
using UjDatabase.Core.Storage;

namespace UjDatabase.Embedded;

/// <summary>The embedded store of record: normalised SQLite tables written through Dapper, with an outbox row per change.</summary>
public sealed class SqliteCaseStore(SqliteDatabase database) : ICaseStore, IIndexSource, IRecordEditor, IDraftStore
{
    private const int PageSize = 1000;

    public Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        database.Migrate();
        return Task.CompletedTask;
    }

    public Task<int> UpsertAsync(IEnumerable<CaseRecord> records, RevisionStamp? revision = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        using var connection = database.Open();

        // A large import touches more pages than SQLite's default 2 MB cache holds; the setting stays with the pooled
        // connection, so it is put back afterwards.
        connection.Execute("PRAGMA cache_size = -262144");
        try
        {
            return Task.FromResult(Upsert(connection, records, revision, cancellationToken));
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

    private static int Upsert(SqliteConnection connection, IEnumerable<CaseRecord> records, RevisionStamp? revision, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction();
        var written = Upsert(connection, transaction, records, cancellationToken, revision);
        transaction.Commit();
        return written;
    }

    /// <summary>Writes records with new versions and their outbox rows (and, with a stamp, their revisions), in the caller's transaction.</summary>
    private static int Upsert(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<CaseRecord> records, CancellationToken cancellationToken, RevisionStamp? revision = null)
    {
        var version = connection.ExecuteScalar<long>(SqliteStatements.LastVersion, transaction: transaction);
        var written = 0;
        using (var writer = new CaseWriter(connection, transaction, DateTimeOffset.UtcNow.ToString("O"), revision))
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

        connection.Execute(SqliteStatements.SetLastVersion, new { version }, transaction);
        return written;
    }

    public Task<RecordRevision?> SaveAsync(CaseRecord record, long? expectedVersion, CaseRecord? previous, string author, string action, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var connection = database.Open();
        try
        {
            // SQLite takes the write lock at the first write; the version is read inside the same transaction, and no
            // other writer can come between the read and the write once it holds the lock (BEGIN IMMEDIATE).
            using var transaction = connection.BeginTransaction(deferred: false);
            var stored = connection.ExecuteScalar<long?>(SqliteStatements.RecordVersion, new { id = record.Id }, transaction);
            if (stored != expectedVersion)
            {
                return Task.FromResult<RecordRevision?>(null);
            }

            Upsert(connection, transaction, [record], cancellationToken);
            var revision = new RecordRevision(
                record.Id,
                connection.ExecuteScalar<int>(SqliteStatements.NextRevision, new { caseId = record.Id }, transaction),
                at,
                author,
                action,
                previous is null ? null : CaseJson.Serialize(previous),
                CaseJson.Serialize(record));
            connection.Execute(
                SqliteStatements.AddRevision,
                new { caseId = revision.CaseId, number = revision.Number, at = at.ToString("O", System.Globalization.CultureInfo.InvariantCulture), author, action, previousJson = revision.PreviousJson, recordJson = revision.RecordJson },
                transaction);
            transaction.Commit();
            return Task.FromResult<RecordRevision?>(revision);
        }
        catch (SqliteException ex)
        {
            throw database.Explain(ex);
        }
    }

    public Task<long> SaveDraftAsync(string caseId, string author, DateTimeOffset savedAt, DraftContent content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var connection = database.Open();
        return Task.FromResult(connection.ExecuteScalar<long>(SqliteStatements.DraftAdd, new { caseId, author, savedAt = savedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture), kind = content.KindWord, formJson = content.Json }));
    }

    public Task<IReadOnlyList<Draft>> DraftsAsync(CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        return Task.FromResult<IReadOnlyList<Draft>>(connection.Query<(long Id, string CaseId, string Author, string SavedAt, string Kind, string FormJson)>(SqliteStatements.DraftList).Select(ReadDraft).ToList());
    }

    public Task<Draft?> DraftAsync(long id, CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        var rows = connection.Query<(long Id, string CaseId, string Author, string SavedAt, string Kind, string FormJson)>(SqliteStatements.DraftFind, new { id });
        return Task.FromResult(rows.Select(ReadDraft).SingleOrDefault());
    }

    public Task<bool> DeleteDraftAsync(long id, CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        return Task.FromResult(connection.Execute(SqliteStatements.DraftDelete, new { id }) == 1);
    }

    private static Draft ReadDraft((long Id, string CaseId, string Author, string SavedAt, string Kind, string FormJson) row) =>
        new(row.Id, row.CaseId, row.Author, DateTimeOffset.Parse(row.SavedAt, System.Globalization.CultureInfo.InvariantCulture), DraftContent.Read(row.Kind, row.FormJson));

    public Task<IReadOnlyList<RecordRevision>> HistoryAsync(string caseId, CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        var rows = connection.Query<(string CaseId, long Number, string At, string Author, string Action, string? PreviousJson, string? RecordJson)>(SqliteStatements.History, new { caseId })
            .Select(r => (r.CaseId, (int)r.Number, DateTimeOffset.Parse(r.At, System.Globalization.CultureInfo.InvariantCulture), r.Author, r.Action, r.PreviousJson, r.RecordJson))
            .ToList();
        var current = rows.Count > 0 && rows[^1].RecordJson is null
            ? CaseRows.SelectByIds(connection, [caseId]).Select(v => CaseJson.Serialize(v.Record)).SingleOrDefault()
            : null;
        return Task.FromResult(StoredRevisions.Complete(rows, current));
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
        var deleted = connection.Execute(SqliteStatements.DeleteCase, new { id }, transaction) > 0;
        if (deleted)
        {
            var version = connection.ExecuteScalar<long>(
                SqliteStatements.NextVersion, transaction: transaction);
            connection.Execute(
                SqliteStatements.OutboxDelete,
                new { id, version, now = DateTimeOffset.UtcNow.ToString("O") },
                transaction);
        }

        transaction.Commit();
        return Task.FromResult(deleted);
    }

    public Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        return Task.FromResult(connection.ExecuteScalar<long>(SqliteStatements.CountCases));
    }

    public Task<IReadOnlySet<string>> FindExistingIdsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (ids.Count > 0)
        {
            using var connection = database.Open();
            found.UnionWith(connection.Query<string>(SqliteStatements.ExistingIds, new { ids = CaseRows.JsonList(ids) }));
        }

        return Task.FromResult<IReadOnlySet<string>>(found);
    }

    public Task<IReadOnlyList<OutboxItem>> ReadPendingAsync(int max, CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        return Task.FromResult<IReadOnlyList<OutboxItem>>(connection.Query<(long Seq, string CaseId, string Operation, long Version)>(
                SqliteStatements.ReadPending, new { max })
            .Select(r => new OutboxItem(r.Seq, r.CaseId, r.Operation, r.Version)).ToList());
    }

    public Task<IReadOnlyList<OutboxItem>> ReadAfterAsync(long seq, int max, CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        return Task.FromResult<IReadOnlyList<OutboxItem>>(connection.Query<(long Seq, string CaseId, string Operation, long Version)>(
                SqliteStatements.ReadAfter, new { seq, max })
            .Select(r => new OutboxItem(r.Seq, r.CaseId, r.Operation, r.Version)).ToList());
    }

    public Task<long> LastSeqAsync(CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        return Task.FromResult(connection.ExecuteScalar<long?>(SqliteStatements.LastSeq) ?? 0);
    }

    public Task<OutboxLag> LagAsync(CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        var (pending, oldest, dead) = connection.QuerySingle<(long, string?, long)>(
            SqliteStatements.OutboxLag);
        return Task.FromResult(new OutboxLag(pending, oldest is null ? null : DateTimeOffset.Parse(oldest, System.Globalization.CultureInfo.InvariantCulture), dead));
    }

    public Task SetAsideAsync(IReadOnlyList<DeadLetter> letters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(letters);
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        connection.Execute(
            SqliteStatements.SetAside,
            letters.Select(l => new { l.CaseId, l.Version, l.Error, at = l.FailedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture) }),
            transaction);
        transaction.Commit();
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        return Task.FromResult<IReadOnlyList<DeadLetter>>(connection.Query<(string, long, string, string)>(SqliteStatements.DeadLetters)
            .Select(r => new DeadLetter(r.Item1, r.Item2, r.Item3, DateTimeOffset.Parse(r.Item4, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList());
    }

    public Task<int> RetryDeadAsync(CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var requeued = connection.Execute(
            SqliteStatements.RetryDead,
            new { now = DateTimeOffset.UtcNow.ToString("O") },
            transaction);
        connection.Execute(SqliteStatements.ClearDeadLetters, transaction: transaction);
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
        connection.Execute(SqliteStatements.MarkProcessedLetters, new { list }, transaction);
        connection.Execute(SqliteStatements.MarkProcessed, new { now = DateTimeOffset.UtcNow.ToString("O"), list }, transaction);
        transaction.Commit();

        return Task.CompletedTask;
    }

    public Task<bool> TryTakeLeaseAsync(string holder, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        var now = DateTimeOffset.UtcNow;
        // ISO 8601 UTC text compares in time order, so "lapsed" is a string comparison.
        connection.Execute(
            SqliteStatements.TakeLease,
            new { holder, until = (now + duration).ToString("O"), now = now.ToString("O") });
        return Task.FromResult(connection.ExecuteScalar<string>(SqliteStatements.LeaseHolder) == holder);
    }

    public Task TakeOverLeaseAsync(string holder, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        connection.Execute(
            SqliteStatements.TakeOverLease,
            new { holder, until = (DateTimeOffset.UtcNow + duration).ToString("O") });
        return Task.CompletedTask;
    }

    public Task ReleaseLeaseAsync(string holder, CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        connection.Execute(SqliteStatements.ReleaseLease, new { holder });
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
            SqliteStatements.OutboxEntries).AsList();
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
