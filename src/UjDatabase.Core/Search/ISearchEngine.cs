using UjDatabase.Core.Cases;

namespace UjDatabase.Core.Search;

/// <summary>The search port: the embedded engine (SQLite FTS5) and the server engine (Elasticsearch) implement it alike.</summary>
public interface ISearchEngine
{
    /// <summary>One page of published records matching the query, with highlights, facets and the event-year histogram.</summary>
    Task<SearchResult> SearchAsync(CaseQuery query, CancellationToken cancellationToken = default);

    /// <summary>Every published record matching the query, in the query's order, ignoring paging: for exports.</summary>
    IAsyncEnumerable<CaseRecord> StreamAsync(CaseQuery query, CancellationToken cancellationToken = default);
}

/// <summary>Keeps the search index in step with the store.</summary>
public interface ISearchIndexer
{
    /// <summary>Creates the index when it does not exist yet (a new Elasticsearch cluster); nothing to do for the embedded index.</summary>
    Task EnsureReadyAsync(CancellationToken cancellationToken = default);

    /// <summary>Applies up to <paramref name="batchSize"/> pending outbox changes; returns how many were applied.</summary>
    Task<int> SyncAsync(int batchSize = 500, CancellationToken cancellationToken = default);

    /// <summary>Rebuilds the whole index from the store.</summary>
    Task<long> ReindexAsync(CancellationToken cancellationToken = default);

    /// <summary>Every difference between the store and the index (ids and versions); empty when they agree.</summary>
    Task<IReadOnlyList<IndexDifference>> VerifyAsync(CancellationToken cancellationToken = default);
}

/// <summary>One way the index differs from the store: the record (null when the difference is the index's own) and what differs.</summary>
public sealed record IndexDifference(string? CaseId, string Message)
{
    public override string ToString() => CaseId is null ? Message : $"{CaseId}: {Message}";
}
