using System.Runtime.CompilerServices;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Search;
using Polly;
using UjDatabase.Core.Search;
using UjDatabase.Server.Resilience;

namespace UjDatabase.Server.Elasticsearch;

/// <summary>
/// Reads every hit of a search page by page: a point in time keeps the view stable, <c>search_after</c> moves on,
/// and the point in time is closed at the end. Exports and verification both read through here.
/// </summary>
public static class EsScan
{
    /// <summary>The pages of a search; <paramref name="page"/> builds a page's request from the point-in-time id and the last sort values.</summary>
    public static async IAsyncEnumerable<IReadOnlyList<Hit<TDocument>>> PagesAsync<TDocument>(
        ElasticsearchClient client,
        ResiliencePipeline pipeline,
        IndexResilienceOptions options,
        Func<string, IReadOnlyCollection<FieldValue>?, SearchRequest> page,
        int pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(page);
        var opened = await pipeline.CallAsync(
            options,
            "opening a point in time",
            token => client.OpenPointInTimeAsync(new OpenPointInTimeRequest(EsCalls.Alias) { KeepAlive = EsQueryBuilder.KeepAlive }, token),
            cancellationToken);
        var pit = opened.Id;
        try
        {
            IReadOnlyCollection<FieldValue>? after = null;
            while (true)
            {
                var request = page(pit, after);
                var response = await pipeline.CallAsync(options, "a page of a scan", token => client.SearchAsync<TDocument>(request, token), cancellationToken);
                pit = response.PitId ?? pit;
                if (response.TimedOut || response.Shards is { Failed: > 0 })
                {
                    // A scan must be whole: better no export (or verdict) than a silently short one.
                    throw new SearchUnavailableException("The index did not answer in full while reading every result; try again.");
                }

                var hits = response.HitsMetadata.Hits.ToList();
                yield return hits;
                if (hits.Count < pageSize)
                {
                    yield break;
                }

                after = hits[^1].Sort;
            }
        }
        finally
        {
            await CloseAsync(client, pit, options.AttemptTimeout);
        }
    }

    /// <summary>
    /// Closes a point in time within one attempt's time, whatever the reader's token says (it may be why we stop). A
    /// failure is not worth masking the scan's own outcome: Elasticsearch drops the point in time after its keep-alive.
    /// </summary>
    private static async Task CloseAsync(ElasticsearchClient client, string pit, TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await EsCalls.InvokeAsync(token => client.ClosePointInTimeAsync(new ClosePointInTimeRequest { Id = pit }, token), "closing a point in time", limit.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or SearchUnavailableException)
        {
        }
    }
}
