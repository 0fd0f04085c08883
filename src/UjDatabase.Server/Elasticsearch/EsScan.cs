using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
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
    /// <summary>The pages of a search; <paramref name="body"/> builds a page's body from the point-in-time id and the last sort values.</summary>
    public static async IAsyncEnumerable<IReadOnlyList<EsHit>> PagesAsync(
        EsClient client,
        ResiliencePipeline pipeline,
        IndexResilienceOptions options,
        Func<string, JsonArray?, JsonObject> body,
        int pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(body);
        var pit = await pipeline.RunAsync(token => client.OpenPitAsync(EsClient.Alias, token), options, cancellationToken);
        try
        {
            JsonArray? after = null;
            while (true)
            {
                var page = body(pit, after);
                var response = await pipeline.RunAsync(token => client.SearchPitAsync(page, token), options, cancellationToken);
                pit = response.PitId ?? pit;
                if (response.TimedOut || response.Shards is { Failed: > 0 })
                {
                    // A scan must be whole: better no export (or verdict) than a silently short one.
                    throw new SearchUnavailableException("The index did not answer in full while reading every result; try again.");
                }

                var hits = response.Hits.Hits;
                yield return hits;
                if (hits.Count < pageSize)
                {
                    yield break;
                }

                after = JsonNode.Parse(hits[^1].Sort!.Value.GetRawText())!.AsArray();
            }
        }
        finally
        {
            await client.ClosePitAsync(pit, CancellationToken.None);
        }
    }
}
