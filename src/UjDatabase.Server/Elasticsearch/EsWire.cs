using System.Text.Json;
using System.Text.Json.Serialization;

namespace UjDatabase.Server.Elasticsearch;

// The parts of Elasticsearch's REST responses that the adapter reads. Every wire type lives in this folder, so that
// moving to the official client, once the package source carries it, touches this folder alone.

/// <summary>A search response.</summary>
public sealed record EsSearchResponse(
    [property: JsonPropertyName("timed_out")] bool TimedOut,
    [property: JsonPropertyName("_shards")] EsShards? Shards,
    [property: JsonPropertyName("hits")] EsHits Hits,
    [property: JsonPropertyName("aggregations")] JsonElement? Aggregations,
    [property: JsonPropertyName("pit_id")] string? PitId);

/// <summary>How many shards answered.</summary>
public sealed record EsShards(
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("successful")] int Successful,
    [property: JsonPropertyName("failed")] int Failed);

/// <summary>The hits of a search.</summary>
public sealed record EsHits(
    [property: JsonPropertyName("total")] EsTotal? Total,
    [property: JsonPropertyName("hits")] IReadOnlyList<EsHit> Hits);

/// <summary>The total number of hits.</summary>
public sealed record EsTotal(
    [property: JsonPropertyName("value")] long Value,
    [property: JsonPropertyName("relation")] string Relation);

/// <summary>One hit: its id, the source fields asked for, highlights, the named queries it matched, and its sort values (for search_after).</summary>
public sealed record EsHit(
    [property: JsonPropertyName("_id")] string Id,
    [property: JsonPropertyName("_source")] JsonElement? Source,
    [property: JsonPropertyName("highlight")] IReadOnlyDictionary<string, IReadOnlyList<string>>? Highlight,
    [property: JsonPropertyName("matched_queries")] IReadOnlyList<string>? MatchedQueries,
    [property: JsonPropertyName("sort")] JsonElement? Sort);

/// <summary>The answer to opening a point in time.</summary>
public sealed record EsPitResponse([property: JsonPropertyName("id")] string Id);

/// <summary>A bulk response: whether any item failed, and each item's result.</summary>
public sealed record EsBulkResponse(
    [property: JsonPropertyName("errors")] bool Errors,
    [property: JsonPropertyName("items")] IReadOnlyList<IReadOnlyDictionary<string, EsBulkItem>> Items);

/// <summary>The result of one bulk action.</summary>
public sealed record EsBulkItem(
    [property: JsonPropertyName("_id")] string Id,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("error")] EsError? Error);

/// <summary>An error as Elasticsearch reports it.</summary>
public sealed record EsError(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("reason")] string? Reason);

/// <summary>The answer to a count request.</summary>
public sealed record EsCountResponse([property: JsonPropertyName("count")] long Count);
