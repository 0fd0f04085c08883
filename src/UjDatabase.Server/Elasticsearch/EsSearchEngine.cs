using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
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
public sealed class EsSearchEngine(EsClient client, ICaseStore store, ResiliencePipeline pipeline, IndexResilienceOptions options) : ISearchEngine
{
    private const int StreamPageSize = 500;

    private static readonly string[] HighlightOrder = SearchFields.HighlightOrder.Select(f => f.Name).ToArray();

    public async Task<SearchResult> SearchAsync(CaseQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var body = EsQueryBuilder.Search(query, options.AttemptTimeout);
        var response = await pipeline.RunAsync(token => client.SearchAsync(EsClient.Alias, body, token), options, cancellationToken);
        var text = QueryText.Parse(query.Text);
        // Paired by id; a record the store no longer publishes is left out even before the index catches up.
        var records = (await store.GetManyAsync(response.Hits.Hits.Select(h => h.Id).ToList(), cancellationToken)).Where(r => r.IsPublished);
        var byId = records.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var hits = response.Hits.Hits.Where(h => byId.ContainsKey(h.Id)).Select(h => new SearchHit(
            byId[h.Id],
            HighlightOrder.Select(f => h.Highlight?.GetValueOrDefault(f) is { Count: > 0 } fragments ? fragments[0] : null).OfType<string>().Take(1).ToList(),
            FuzzyName: text.Required.Count > 0 && h.MatchedQueries?.Contains(EsQueryBuilder.ExactName) != true)).ToList();
        return new SearchResult(
            response.Hits.Total?.Value ?? hits.Count,
            hits,
            EsAggregations.Facets(response.Aggregations, query),
            EsAggregations.EventYears(response.Aggregations, query),
            Notice(text, response));
    }

    /// <summary>What the user should know: a query read as plain words, a search cut short, an index partly down.</summary>
    private static string? Notice(QueryText text, EsSearchResponse response)
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
        var pages = EsScan.PagesAsync(client, pipeline, options, (pit, after) => EsQueryBuilder.StreamPage(query, pit, after, StreamPageSize, options.AttemptTimeout), StreamPageSize, cancellationToken);
        await foreach (var hits in pages)
        {
            foreach (var record in await store.GetManyAsync(hits.Select(h => h.Id).ToList(), cancellationToken))
            {
                if (record.IsPublished)
                {
                    yield return record;
                }
            }
        }
    }

    public async Task<long> CountAsync(CaseQuery query, CancellationToken cancellationToken = default) =>
        (await SearchAsync(query with { Page = 1, Size = 1 }, cancellationToken)).Total;

    public IAsyncEnumerable<IRecordFacts> FactsAsync(CaseQuery query, IReadOnlyCollection<MeasureInYear>? anyOf = null, CancellationToken cancellationToken = default) =>
        RecordFacts.Of(StreamAsync(query, cancellationToken));
}

/// <summary>Reads the facet and year aggregations of a search response into the search port's results.</summary>
public static class EsAggregations
{
    public static IReadOnlyList<FacetResult> Facets(JsonElement? aggregations, CaseQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return FacetCatalogue.All.Select(facet =>
        {
            var counts = new List<(string, long)>();
            long missing = 0;
            if (aggregations is { } aggs && aggs.TryGetProperty(facet.Name, out var agg))
            {
                missing = agg.GetProperty("missing").GetProperty("doc_count").GetInt64();
                var values = agg.TryGetProperty("charges", out var charges)
                    ? charges.GetProperty("kept").GetProperty("values")
                    : agg.GetProperty("values");
                foreach (var bucket in values.GetProperty("buckets").EnumerateArray())
                {
                    var count = bucket.TryGetProperty("records", out var records) ? records.GetProperty("doc_count").GetInt64() : bucket.GetProperty("doc_count").GetInt64();
                    counts.Add((bucket.GetProperty("key").GetString()!, count));
                }
            }

            return FacetResults.Build(facet, counts, missing, query.Selected(facet.Name));
        }).ToList();
    }

    public static IReadOnlyList<FacetValue> EventYears(JsonElement? aggregations, CaseQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (aggregations is not { } aggs || !aggs.TryGetProperty("event_years", out var years))
        {
            return [];
        }

        var ranged = query.FromYear is not null || query.ToYear is not null;
        return years.GetProperty("events").GetProperty("typed").GetProperty("years").GetProperty("buckets").EnumerateArray()
            .Select(b => (Year: b.GetProperty("key").GetInt32(), Count: b.GetProperty("records").GetProperty("doc_count").GetInt64()))
            .OrderBy(y => y.Year)
            .Select(y => new FacetValue(
                y.Year.ToString(CultureInfo.InvariantCulture),
                y.Year.ToString(CultureInfo.InvariantCulture),
                y.Count,
                ranged && (query.FromYear ?? int.MinValue) <= y.Year && y.Year <= (query.ToYear ?? int.MaxValue)))
            .ToList();
    }
}
