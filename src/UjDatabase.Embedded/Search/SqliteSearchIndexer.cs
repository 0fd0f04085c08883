using System.Data;
using Dapper;
using Microsoft.Data.Sqlite;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Search;

namespace UjDatabase.Embedded.Search;

/// <summary>
/// Keeps the FTS5 index in the same SQLite file in step with the store: drains the outbox in batches, rebuilds, and
/// verifies. Every write is versioned, so replaying a batch or applying an older version changes nothing.
/// </summary>
public sealed class SqliteSearchIndexer(SqliteDatabase database) : ISearchIndexer
{
    /// <summary>The index tables come with the store's migrations.</summary>
    public Task EnsureReadyAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<int> SyncAsync(int batchSize = 500, CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var pending = connection.Query<(long Seq, string CaseId, string Operation, long Version)>(
            "SELECT seq, case_id, operation, version FROM outbox WHERE processed_at IS NULL ORDER BY seq LIMIT @batchSize",
            new { batchSize }, transaction).AsList();
        if (pending.Count == 0)
        {
            return Task.FromResult(0);
        }

        // The index takes each record as it is in the store now; a delete carries the version at which it happened.
        var ids = pending.Select(p => p.CaseId).Distinct(StringComparer.Ordinal).ToList();
        var current = CaseRows.SelectByIds(connection, ids, transaction).ToDictionary(v => v.Record.Id, StringComparer.Ordinal);
        var changes = ids.Select(id => current.TryGetValue(id, out var found)
            ? new IndexChange(id, found.Version, found.Record)
            : new IndexChange(id, pending.Where(p => p.CaseId == id).Max(p => p.Version), null));
        Apply(connection, transaction, changes);
        connection.Execute(
            "UPDATE outbox SET processed_at = @now WHERE seq IN @seqs",
            new { now = DateTimeOffset.UtcNow.ToString("O"), seqs = pending.Select(p => p.Seq).ToArray() },
            transaction);
        transaction.Commit();
        return Task.FromResult(pending.Count);
    }

    /// <summary>Applies changes in one transaction, each only if it is newer than what the index holds.</summary>
    public void Apply(IEnumerable<IndexChange> changes)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        Apply(connection, transaction, changes);
        transaction.Commit();
    }

    public Task<long> ReindexAsync(CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        connection.Execute("DELETE FROM search_fts; DELETE FROM search_docs; DELETE FROM search_tombstones;", transaction: transaction);
        long count = 0;
        var after = string.Empty;
        while (true)
        {
            var page = CaseRows.Select(connection, "WHERE id > @after ORDER BY id LIMIT 500", new { after }, transaction);
            if (page.Count == 0)
            {
                break;
            }

            Apply(connection, transaction, page.Select(v => new IndexChange(v.Record.Id, v.Version, v.Record)));
            count += page.Count;
            after = page[^1].Record.Id;
        }

        // The index now reflects the store as it is, so nothing in the outbox is pending any more.
        connection.Execute("UPDATE outbox SET processed_at = @now WHERE processed_at IS NULL", new { now = DateTimeOffset.UtcNow.ToString("O") }, transaction);
        BumpGeneration(connection, transaction);
        transaction.Commit();
        return Task.FromResult(count);
    }

    public Task<IReadOnlyList<IndexDifference>> VerifyAsync(CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction(deferred: true);
        var store = connection.Query<(string Id, long Version, string Publication)>("SELECT id, version, publication FROM cases", transaction: transaction)
            .ToDictionary(r => r.Id, StringComparer.Ordinal);
        var index = connection.Query<(string Id, long Version, long Published, long Pk)>("SELECT case_id, version, published, pk FROM search_docs", transaction: transaction)
            .ToDictionary(r => r.Id, StringComparer.Ordinal);
        var ftsRows = connection.Query<long>("SELECT rowid FROM search_fts", transaction: transaction).ToHashSet();

        var differences = new List<IndexDifference>();
        foreach (var (id, row) in store.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if (!index.TryGetValue(id, out var doc))
            {
                differences.Add(new(id, $"in the store (version {row.Version}) but not in the index"));
            }
            else if (doc.Version != row.Version)
            {
                differences.Add(new(id, $"the store has version {row.Version}, the index version {doc.Version}"));
            }
            else if ((doc.Published == 1) != (row.Publication == "published"))
            {
                differences.Add(new(id, $"published in one and not in the other"));
            }
        }

        differences.AddRange(index.Keys.Where(id => !store.ContainsKey(id)).Order(StringComparer.Ordinal)
            .Select(id => new IndexDifference(id, "in the index but not in the store")));
        differences.AddRange(index.Values.Where(d => !ftsRows.Contains(d.Pk)).OrderBy(d => d.Id, StringComparer.Ordinal)
            .Select(d => new IndexDifference(d.Id, "has no full-text row")));
        var docPks = index.Values.Select(d => d.Pk).ToHashSet();
        differences.AddRange(ftsRows.Where(pk => !docPks.Contains(pk)).Order().Select(pk => new IndexDifference(null, $"full-text row {pk} belongs to no record")));
        return Task.FromResult<IReadOnlyList<IndexDifference>>(differences);
    }

    private static void Apply(SqliteConnection connection, IDbTransaction transaction, IEnumerable<IndexChange> changes)
    {
        var changed = false;
        foreach (var change in changes)
        {
            var indexed = connection.QuerySingleOrDefault<(long Pk, long Version)?>(
                "SELECT pk, version FROM search_docs WHERE case_id = @CaseId", new { change.CaseId }, transaction);
            var deletedAt = connection.ExecuteScalar<long?>(
                "SELECT version FROM search_tombstones WHERE case_id = @CaseId", new { change.CaseId }, transaction);
            if ((indexed is { } doc && doc.Version >= change.Version) || deletedAt >= change.Version)
            {
                continue;
            }

            if (change.Record is null)
            {
                if (indexed is { } gone)
                {
                    connection.Execute("DELETE FROM search_fts WHERE rowid = @Pk; DELETE FROM search_docs WHERE pk = @Pk", new { gone.Pk }, transaction);
                }

                connection.Execute(
                    "INSERT INTO search_tombstones (case_id, version) VALUES (@CaseId, @Version) ON CONFLICT (case_id) DO UPDATE SET version = excluded.version",
                    new { change.CaseId, change.Version }, transaction);
            }
            else
            {
                Write(connection, transaction, SearchDocument.From(change.Record), change.Version);
                connection.Execute("DELETE FROM search_tombstones WHERE case_id = @CaseId", new { change.CaseId }, transaction);
            }

            changed = true;
        }

        if (changed)
        {
            BumpGeneration(connection, transaction);
        }
    }

    private static void Write(SqliteConnection connection, IDbTransaction transaction, SearchDocument doc, long version)
    {
        var pk = connection.ExecuteScalar<long>("""
            INSERT INTO search_docs (case_id, version, published, facets, charges, events, names, sort_name, sort_date)
            VALUES (@Id, @version, @published, @facets, @charges, @events, @names, @SortName, @SortDate)
            ON CONFLICT (case_id) DO UPDATE SET version = excluded.version, published = excluded.published,
                facets = excluded.facets, charges = excluded.charges, events = excluded.events, names = excluded.names,
                sort_name = excluded.sort_name, sort_date = excluded.sort_date
            RETURNING pk
            """,
            new
            {
                doc.Id, version, published = doc.Published ? 1 : 0, facets = doc.FacetsText(), charges = doc.ChargesText(),
                events = doc.EventsText(), names = doc.NamesText(), doc.SortName, doc.SortDate,
            },
            transaction);
        connection.Execute("DELETE FROM search_fts WHERE rowid = @pk", new { pk }, transaction);
        connection.Execute(
            "INSERT INTO search_fts (rowid, names, position, court, situation, summary, events) VALUES (@pk, @Names, @Position, @Court, @Situation, @Summary, @Events)",
            new { pk, doc.Names, doc.Position, doc.Court, doc.Situation, doc.Summary, doc.Events },
            transaction);
    }

    private static void BumpGeneration(SqliteConnection connection, IDbTransaction transaction) =>
        connection.Execute("UPDATE search_state SET value = value + 1 WHERE name = 'generation'", transaction: transaction);
}
