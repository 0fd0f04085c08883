using System.Globalization;
using System.Runtime.CompilerServices;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.Core.Search;
using Polly;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Search;
using UjDatabase.Core.Statistics;
using UjDatabase.Core.Storage;
using UjDatabase.Server.Resilience;

namespace UjDatabase.Server.Elasticsearch;

/// <summary>
/// The server profile's search engine: Elasticsearch finds and counts, the store supplies the records. Behaves as the
/// embedded engine does (the same contract tests run against both), over the same <see cref="CaseQuery"/>.
/// </summary>
public sealed class EsSearchEngine(ElasticsearchClient client, ICaseStore store, ResiliencePipeline pipeline, IndexResilienceOptions options) : ISearchEngine
{
    private const int StreamPageSize = 500;

    private static readonly string[] HighlightOrder = SearchFields.HighlightOrder.Select(f => f.Name).ToArray();

    public async Task<SearchResult> SearchAsync(CaseQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var body = EsQueryBuilder.Search(query, options.AttemptTimeout);
        var response = await pipeline.CallAsync(options, "a search", token => client.SearchAsync<NoSource>(body, token), cancellationToken);
        var text = QueryText.Parse(query.Text);
        // Paired by id; a record the store no longer publishes is left out even before the index catches up.
        var found = response.Hits.Select(h => h.Id!).ToList();
        var records = (await store.GetManyAsync(found, cancellationToken)).Where(r => r.IsPublished);
        var byId = records.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var hits = response.Hits.Where(h => byId.ContainsKey(h.Id!)).Select(h => new SearchHit(
            byId[h.Id!],
            HighlightOrder.Select(f => h.Highlight?.GetValueOrDefault(f) is { Count: > 0 } fragments ? fragments.First() : null).OfType<string>().Take(1).ToList(),
            FuzzyName: text.Required.Count > 0 && !Matched(h, EsQueryBuilder.ExactName))).ToList();
        return new SearchResult(
            response.HitsMetadata.Total is null ? hits.Count : response.Total,
            hits,
            EsAggregations.Facets(response.Aggregations, query),
            EsAggregations.EventYears(response.Aggregations, query),
            Notice(text, response));
    }

    /// <summary>What the user should know: a query read as plain words, a search cut short, an index partly down.</summary>
    /// <summary>Whether a hit matched the named clause (named queries come back as a list, or with scores as a map).</summary>
    private static bool Matched(Hit<NoSource> hit, string name) =>
        hit.MatchedQueries?.Match(names => names?.Contains(name) == true, scores => scores?.ContainsKey(name) == true) == true;

    private static string? Notice(QueryText text, SearchResponse<NoSource> response)
    {
        var notices = new List<string>();
        if (text.Notice is not null)
        {
            notices.Add(text.Notice);
        }

        if (response.TimedOut)
        {
            notices.Add("The search took too long and stopped early, so the results and counts may be incomplete.");
        }

        if (response.Shards is { Failed: > 0 })
        {
            notices.Add($"Part of the index did not answer ({response.Shards.Failed} of {response.Shards.Total} shards), so the results and counts may be incomplete.");
        }

        return notices.Count == 0 ? null : string.Join(' ', notices);
    }

    public async IAsyncEnumerable<CaseRecord> StreamAsync(CaseQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pages = EsScan.PagesAsync<NoSource>(client, pipeline, options, (pit, after) => EsQueryBuilder.StreamPage(query, pit, after, StreamPageSize, options.AttemptTimeout), StreamPageSize, cancellationToken);
        await foreach (var hits in pages)
        {
            foreach (var record in await store.GetManyAsync(hits.Select(h => h.Id!).ToList(), cancellationToken))
            {
                if (record.IsPublished)
                {
                    yield return record;
                }
            }
        }
    }

    public async Task<IReadOnlyList<NameSuggestion>> SuggestNamesAsync(NamePrefix prefix, int size, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var body = EsQueryBuilder.NamePrefix(prefix, NameSuggestions.Candidates(size), options.AttemptTimeout);
        var response = await pipeline.CallAsync(options, "a name lookup", token => client.SearchAsync<NoSource>(body, token), cancellationToken);
        return await NameSuggestions.ReadAsync(prefix, response.Hits.Select(h => h.Id!).ToList(), store.GetManyAsync, size, cancellationToken);
    }

    public async Task<long> CountAsync(CaseQuery query, CancellationToken cancellationToken = default) =>
        (await SearchAsync(query with { Page = 1, Size = 1 }, cancellationToken)).Total;

    public IAsyncEnumerable<IRecordFacts> FactsAsync(CaseQuery query, IReadOnlyCollection<MeasureInYear>? anyOf = null, CancellationToken cancellationToken = default) =>
        RecordFacts.Of(StreamAsync(query, cancellationToken));
}

/// <summary>The document type of a search that asks for no source: only ids, sort values and highlights come back.</summary>
public sealed record NoSource;

/// <summary>Reads the facet and year aggregations of a search response into the search port's results.</summary>
public static class EsAggregations
{
    public static IReadOnlyList<FacetResult> Facets(AggregateDictionary? aggregations, CaseQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return FacetCatalogue.All.Select(facet =>
        {
            var counts = new List<(string, long)>();
            long missing = 0;
            if (aggregations?.GetFilter(facet.Name) is { Aggregations: { } agg })
            {
                missing = agg.GetMissing("missing")?.DocCount ?? 0;
                if (agg.GetNested("charges") is { } charges)
                {
                    // Counted in records (reverse_nested), not in charges.
                    var values = charges.Aggregations?.GetFilter("kept")?.Aggregations?.GetStringTerms("values")?.Buckets ?? [];
                    counts.AddRange(values.Select(b => (Key(b.Key), b.Aggregations?.GetReverseNested("records")?.DocCount ?? 0)));
                }
                else
                {
                    counts.AddRange((agg.GetStringTerms("values")?.Buckets ?? []).Select(b => (Key(b.Key), b.DocCount)));
                }
            }

            return FacetResults.Build(facet, counts, missing, query.Selected(facet.Name));
        }).ToList();
    }

    public static IReadOnlyList<FacetValue> EventYears(AggregateDictionary? aggregations, CaseQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var years = aggregations?.GetFilter("event_years")?.Aggregations?.GetNested("events")?.Aggregations?.GetFilter("typed")?.Aggregations?.GetLongTerms("years");
        if (years is null)
        {
            return [];
        }

        var ranged = query.FromYear is not null || query.ToYear is not null;
        return years.Buckets
            .Select(b => (Year: (int)b.Key, Count: b.Aggregations?.GetReverseNested("records")?.DocCount ?? 0))
            .OrderBy(y => y.Year)
            .Select(y => new FacetValue(
                y.Year.ToString(CultureInfo.InvariantCulture),
                y.Year.ToString(CultureInfo.InvariantCulture),
                y.Count,
                ranged && (query.FromYear ?? int.MinValue) <= y.Year && y.Year <= (query.ToYear ?? int.MaxValue)))
            .ToList();
    }

    private static string Key(FieldValue key) => key.TryGetString(out var text) ? text! : key.ToString();
}
