using UjDatabase.Core.Cases;
using UjDatabase.Core.Statistics;

namespace UjDatabase.Core.Search;

/// <summary>A counting rule in a year (or, with no year, in any year).</summary>
public readonly record struct MeasureInYear(Measure Measure, int? Year);

/// <summary>The search port: the embedded engine (Lucene.NET) and the server engine (Elasticsearch) implement it alike.</summary>
public interface ISearchEngine
{
    /// <summary>One page of published records matching the query, with highlights, facets and the event-year histogram.</summary>
    Task<SearchResult> SearchAsync(CaseQuery query, CancellationToken cancellationToken = default);

    /// <summary>How many published records the query selects.</summary>
    Task<long> CountAsync(CaseQuery query, CancellationToken cancellationToken = default);

    /// <summary>Every published record matching the query, in the query's order, ignoring paging: for exports.</summary>
    IAsyncEnumerable<CaseRecord> StreamAsync(CaseQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// The counting facts of every published record the query selects, read from the index, never the store: for
    /// statistics. With <paramref name="anyOf"/>, an engine may leave out the records for which none of those rules
    /// holds (no table of those rules can count them). Each item is valid until the enumeration moves on.
    /// </summary>
    IAsyncEnumerable<IRecordFacts> FactsAsync(CaseQuery query, IReadOnlyCollection<MeasureInYear>? anyOf = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="size"/> names and aliases of published records that begin with the words typed, for the
    /// search box's typeahead: the index finds the records (in name order), <see cref="NameSuggestions.From"/> picks
    /// their matching names.
    /// </summary>
    Task<IReadOnlyList<NameSuggestion>> SuggestNamesAsync(NamePrefix prefix, int size, CancellationToken cancellationToken = default);
}

/// <summary>Keeps the search index in step with the store.</summary>
public interface ISearchIndexer
{
    /// <summary>
    /// Makes the index ready to serve: builds it from the store when it does not exist yet or cannot be read (a new
    /// Elasticsearch cluster, a missing or damaged embedded index), reporting progress in records.
    /// </summary>
    Task EnsureReadyAsync(IProgress<long>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Applies up to <paramref name="batchSize"/> pending outbox changes; returns how many were applied.</summary>
    Task<int> SyncAsync(int batchSize = 500, CancellationToken cancellationToken = default);

    /// <summary>Rebuilds the whole index from the store.</summary>
    Task<long> ReindexAsync(IProgress<long>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Every difference between the store and the index (ids and versions); empty when they agree.</summary>
    Task<IReadOnlyList<IndexDifference>> VerifyAsync(CancellationToken cancellationToken = default);
}

/// <summary>One way the index differs from the store: the record (null when the difference is the index's own) and what differs.</summary>
public sealed record IndexDifference(string? CaseId, string Message)
{
    public override string ToString() => CaseId is null ? Message : $"{CaseId}: {Message}";
}
