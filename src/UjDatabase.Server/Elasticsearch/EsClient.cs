using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using UjDatabase.Core.Search;

namespace UjDatabase.Server.Elasticsearch;

/// <summary>
/// The Elasticsearch REST calls the adapter makes, through a typed <see cref="HttpClient"/> and System.Text.Json.
/// Failures become <see cref="SearchUnavailableException"/>; resilience (timeouts, retries, the circuit breaker) is
/// the caller's pipeline.
/// </summary>
public sealed class EsClient(HttpClient http)
{
    public const string Alias = "cases";

    public Task<EsSearchResponse> SearchAsync(string index, JsonObject body, CancellationToken cancellationToken) =>
        SendAsync<EsSearchResponse>(HttpMethod.Post, $"{index}/_search", body.ToJsonString(), "application/json", cancellationToken);

    /// <summary>A search with a point in time names no index.</summary>
    public Task<EsSearchResponse> SearchPitAsync(JsonObject body, CancellationToken cancellationToken) =>
        SendAsync<EsSearchResponse>(HttpMethod.Post, "_search", body.ToJsonString(), "application/json", cancellationToken);

    public async Task<string> OpenPitAsync(string index, CancellationToken cancellationToken) =>
        (await SendAsync<EsPitResponse>(HttpMethod.Post, $"{index}/_pit?keep_alive=2m", null, null, cancellationToken)).Id;

    public async Task ClosePitAsync(string pitId, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["id"] = pitId }.ToJsonString();
        await SendAsync<JsonElement>(HttpMethod.Delete, "_pit", body, "application/json", cancellationToken);
    }

    /// <summary>Sends NDJSON bulk actions; the caller reads each item's status.</summary>
    public Task<EsBulkResponse> BulkAsync(string index, string ndjson, CancellationToken cancellationToken) =>
        SendAsync<EsBulkResponse>(HttpMethod.Post, $"{index}/_bulk", ndjson, "application/x-ndjson", cancellationToken);

    public Task CreateIndexAsync(string index, JsonObject settingsAndMappings, CancellationToken cancellationToken) =>
        SendAsync<JsonElement>(HttpMethod.Put, index, settingsAndMappings.ToJsonString(), "application/json", cancellationToken);

    public Task RefreshAsync(string index, CancellationToken cancellationToken) =>
        SendAsync<JsonElement>(HttpMethod.Post, $"{index}/_refresh", null, null, cancellationToken);

    public async Task<long> CountAsync(string index, CancellationToken cancellationToken) =>
        (await SendAsync<EsCountResponse>(HttpMethod.Get, $"{index}/_count", null, null, cancellationToken)).Count;

    /// <summary>The indices the alias points at now (none when the alias does not exist yet).</summary>
    public async Task<IReadOnlyList<string>> AliasTargetsAsync(string alias, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"_alias/{alias}");
        using var response = await SendRawAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }

        await EnsureSuccessAsync(response, cancellationToken);
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return document.RootElement.EnumerateObject().Select(p => p.Name).ToList();
    }

    /// <summary>Points the alias at <paramref name="index"/> and away from every other index, in one atomic request.</summary>
    public Task SwapAliasAsync(string alias, string index, IReadOnlyList<string> previous, CancellationToken cancellationToken)
    {
        var actions = new JsonArray();
        foreach (var old in previous.Where(p => p != index))
        {
            actions.Add(new JsonObject { ["remove"] = new JsonObject { ["index"] = old, ["alias"] = alias } });
        }

        actions.Add(new JsonObject { ["add"] = new JsonObject { ["index"] = index, ["alias"] = alias } });
        var body = new JsonObject { ["actions"] = actions };
        return SendAsync<JsonElement>(HttpMethod.Post, "_aliases", body.ToJsonString(), "application/json", cancellationToken);
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, string? body, string? contentType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType ?? "application/json");
        }

        using var response = await SendRawAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonSerializer.DeserializeAsync<T>(stream, cancellationToken: cancellationToken)
            ?? throw new SearchUnavailableException($"Elasticsearch answered {method} {path} with an empty body.");
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new SearchUnavailableException($"Elasticsearch could not be reached: {ex.Message}", ex);
        }
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        throw new SearchUnavailableException($"Elasticsearch answered {(int)response.StatusCode}: {(text.Length > 300 ? text[..300] : text)}")
        {
            Status = (int)response.StatusCode,
        };
    }
}
