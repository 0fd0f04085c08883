using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Polly;
using UjDatabase.Core.Search;
using UjDatabase.Core.Storage;
using UjDatabase.Server.Resilience;

namespace UjDatabase.Server.Elasticsearch;

/// <summary>An index write that failed for a reason other than being stale; the outbox keeps the change for later.</summary>
public sealed class IndexWriteException(string message) : Exception(message)
{
    public IndexWriteException()
        : this("An index write failed.")
    {
    }

    public IndexWriteException(string message, Exception inner)
        : this(message + " " + inner.Message)
    {
    }
}

/// <summary>
/// Keeps Elasticsearch in step with the store. Every write carries the store's version as an external version, so a
/// stale or replayed write is refused by Elasticsearch itself (409, which is success here). Bulk items that fail with
/// 429 are retried; any other item error fails the batch, and its outbox rows stay pending.
/// </summary>
public sealed class EsIndexer(EsClient client, IIndexSource source, ResiliencePipeline pipeline, IndexResilienceOptions options, TimeProvider clock) : ISearchIndexer
{
    public const int BatchCount = 500;
    public const int BatchBytes = 5 * 1024 * 1024;
    private const int VerifyPageSize = 1000;
    private const int ItemRetries = 3;

    /// <summary>On a cluster with no <c>cases</c> alias yet, builds the first index from the store.</summary>
    public async Task EnsureReadyAsync(IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var targets = await pipeline.RunAsync(token => client.AliasTargetsAsync(EsClient.Alias, token), options, cancellationToken);
        if (targets.Count == 0)
        {
            await ReindexAsync(progress, cancellationToken);
        }
    }

    /// <summary>How long a sync lease lasts unless renewed; the worker renews it on every pass.</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(30);

    /// <summary>This process's name in the lease table.</summary>
    public string Holder { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public async Task<int> SyncAsync(int batchSize = 500, CancellationToken cancellationToken = default)
    {
        // With several web nodes, one drains the outbox at a time; the others wait for the lease to lapse.
        if (!await source.TryTakeLeaseAsync(Holder, LeaseDuration, cancellationToken))
        {
            return 0;
        }

        var pending = await source.ReadPendingAsync(batchSize, cancellationToken);
        if (pending.Count == 0)
        {
            return 0;
        }

        var refused = await ApplyAsync(EsClient.Alias, await ChangesOfAsync(pending, cancellationToken), cancellationToken);
        // Marked first: marking clears older dead letters of these records, and the new ones must stay.
        await source.MarkProcessedAsync(pending.Select(p => p.Seq).ToList(), cancellationToken);
        await SetAsideAsync(refused, cancellationToken);
        return pending.Count;
    }

    /// <summary>The outbox rows' records as they now are (a record gone since: a delete at its last version).</summary>
    private async Task<IReadOnlyList<IndexChange>> ChangesOfAsync(IReadOnlyList<OutboxItem> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Select(p => p.CaseId).Distinct(StringComparer.Ordinal).ToList();
        var current = (await source.GetVersionedAsync(ids, cancellationToken)).ToDictionary(v => v.Record.Id, StringComparer.Ordinal);
        return ids.Select(id => current.TryGetValue(id, out var found)
            ? new IndexChange(id, found.Version, found.Record)
            : new IndexChange(id, rows.Where(p => p.CaseId == id).Max(p => p.Version), null)).ToList();
    }

    /// <summary>One bad document must not hold back every later change: it waits aside, with its error, for a retry.</summary>
    private async Task SetAsideAsync(IReadOnlyList<(IndexChange Change, string Error)> refused, CancellationToken cancellationToken)
    {
        if (refused.Count > 0)
        {
            var now = clock.GetUtcNow();
            await source.SetAsideAsync(refused.Select(r => new DeadLetter(r.Change.CaseId, r.Change.Version, r.Error, now)).ToList(), cancellationToken);
        }
    }

    /// <summary>
    /// Writes changes in bulk requests of at most <see cref="BatchCount"/> items and about <see cref="BatchBytes"/>;
    /// returns the changes Elasticsearch refused for good (an item error other than 409, or 429 after retries).
    /// </summary>
    public Task<IReadOnlyList<(IndexChange Change, string Error)>> ApplyAsync(string index, IEnumerable<IndexChange> changes, CancellationToken cancellationToken = default) =>
        ApplyAsync(index, changes.ToAsyncEnumerable(), cancellationToken);

    /// <summary>The same, for changes read from the store as they come (a rebuild), without blocking a thread on them.</summary>
    public async Task<IReadOnlyList<(IndexChange Change, string Error)>> ApplyAsync(string index, IAsyncEnumerable<IndexChange> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var refused = new List<(IndexChange Change, string Error)>();
        var batch = new List<(IndexChange Change, string Lines)>();
        var bytes = 0;
        await foreach (var change in changes.WithCancellation(cancellationToken))
        {
            var lines = BulkLines(index, change, clock.GetUtcNow().Year);
            batch.Add((change, lines));
            bytes += Encoding.UTF8.GetByteCount(lines);
            if (batch.Count >= BatchCount || bytes >= BatchBytes)
            {
                refused.AddRange(await SendBatchAsync(index, batch, cancellationToken));
                batch.Clear();
                bytes = 0;
            }
        }

        if (batch.Count > 0)
        {
            refused.AddRange(await SendBatchAsync(index, batch, cancellationToken));
        }

        return refused;
    }

    /// <summary>The NDJSON action and document of one change (two lines for an index action, one for a delete).</summary>
    public static string BulkLines(string index, IndexChange change, int currentYear)
    {
        ArgumentNullException.ThrowIfNull(change);
        var meta = new JsonObject
        {
            ["_index"] = index,
            ["_id"] = change.CaseId,
            ["version"] = change.Version,
            ["version_type"] = "external",
        };
        if (change.Record is null)
        {
            return new JsonObject { ["delete"] = meta }.ToJsonString() + "\n";
        }

        return new JsonObject { ["index"] = meta }.ToJsonString() + "\n" + EsDocument.Build(change.Record, change.Version, currentYear).ToJsonString() + "\n";
    }

    private async Task<List<(IndexChange Change, string Error)>> SendBatchAsync(string index, List<(IndexChange Change, string Lines)> batch, CancellationToken cancellationToken)
    {
        var refused = new List<(IndexChange Change, string Error)>();
        var remaining = batch;
        for (var attempt = 0; ; attempt++)
        {
            var body = string.Concat(remaining.Select(b => b.Lines));
            var response = await pipeline.RunAsync(token => client.BulkAsync(index, body, token), options, cancellationToken);
            var retry = new List<(IndexChange, string)>();
            for (var i = 0; i < response.Items.Count; i++)
            {
                var item = response.Items[i].Values.First();
                if (item.Status is >= 200 and < 300 || item.Status == 409 || (item.Status == 404 && remaining[i].Change.Record is null))
                {
                    // Done, stale (the index holds this version or a newer one), or already gone.
                    continue;
                }

                if (item.Status == 429)
                {
                    retry.Add(remaining[i]);
                }
                else
                {
                    refused.Add((remaining[i].Change, $"{item.Status} {item.Error?.Type}: {item.Error?.Reason}"));
                }
            }

            if (retry.Count == 0)
            {
                return refused;
            }

            if (attempt >= ItemRetries)
            {
                refused.AddRange(retry.Select(r => (r.Item1, $"429: still refused as too many requests after {ItemRetries} retries")));
                return refused;
            }

            await Task.Delay(options.RetryDelay * Math.Pow(2, attempt), clock, cancellationToken);
            remaining = retry;
        }
    }

    /// <summary>Builds a new index from the store, checks its count, and swaps the alias to it in one request; the old index stays for rollback.</summary>
    public async Task<long> ReindexAsync(IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var index = $"{EsClient.Alias}-{clock.GetUtcNow():yyyyMMddHHmmssfff}".ToLowerInvariant();
        // Changes made from here on may reach only the old index (the sync keeps writing through the alias meanwhile):
        // they are applied to the new one after the swap.
        var from = await source.LastSeqAsync(cancellationToken);
        await pipeline.RunAsync(async token => { await client.CreateIndexAsync(index, IndexDefinition(), token); return 0; }, options, cancellationToken);
        long count = 0;
        async IAsyncEnumerable<IndexChange> All()
        {
            await foreach (var versioned in source.StreamVersionedAsync(cancellationToken))
            {
                count++;
                yield return new IndexChange(versioned.Record.Id, versioned.Version, versioned.Record);
            }
        }

        var refused = await ApplyAsync(index, All(), cancellationToken);
        if (refused.Count > 0)
        {
            // A rebuild is all or nothing: the alias stays on the old index, which the sync keeps current meanwhile.
            throw new IndexWriteException($"{refused.Count} document(s) were refused while building {index}: {string.Join("; ", refused.Take(10).Select(r => $"{r.Change.CaseId}: {r.Error}"))}. The alias was not moved.");
        }

        await pipeline.RunAsync(async token => { await client.RefreshAsync(index, token); return 0; }, options, cancellationToken);
        var indexed = await pipeline.RunAsync(token => client.CountAsync(index, token), options, cancellationToken);
        if (indexed != count)
        {
            throw new IndexWriteException($"The new index {index} holds {indexed} documents but the store has {count}; the alias was not moved.");
        }

        var previous = await pipeline.RunAsync(token => client.AliasTargetsAsync(EsClient.Alias, token), options, cancellationToken);
        await pipeline.RunAsync(async token => { await client.SwapAliasAsync(EsClient.Alias, index, previous, token); return 0; }, options, cancellationToken);
        await ReplayAsync(from, cancellationToken);
        return count;
    }

    /// <summary>
    /// Applies every change after an outbox position again, as the records now are, through the alias: external
    /// versions make a change the index already holds a harmless 409.
    /// </summary>
    private async Task ReplayAsync(long from, CancellationToken cancellationToken)
    {
        for (var after = from; ;)
        {
            var rows = await source.ReadAfterAsync(after, 500, cancellationToken);
            if (rows.Count == 0)
            {
                return;
            }

            await SetAsideAsync(await ApplyAsync(EsClient.Alias, await ChangesOfAsync(rows, cancellationToken), cancellationToken), cancellationToken);
            after = rows[^1].Seq;
        }
    }

    /// <summary>Compares every id and version of the store with the index (read through a point in time).</summary>
    public async Task<IReadOnlyList<IndexDifference>> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var store = new Dictionary<string, long>(StringComparer.Ordinal);
        await foreach (var versioned in source.StreamVersionedAsync(cancellationToken))
        {
            store[versioned.Record.Id] = versioned.Version;
        }

        var index = new Dictionary<string, long>(StringComparer.Ordinal);
        JsonObject Page(string pit, JsonArray? after)
        {
            var body = new JsonObject
            {
                ["size"] = VerifyPageSize,
                ["_source"] = new JsonArray("version"),
                ["pit"] = new JsonObject { ["id"] = pit, ["keep_alive"] = "2m" },
                ["sort"] = new JsonArray(new JsonObject { ["id"] = "asc" }),
                ["track_total_hits"] = false,
            };
            if (after is not null)
            {
                body["search_after"] = after;
            }

            return body;
        }

        await foreach (var hits in EsScan.PagesAsync(client, pipeline, options, Page, VerifyPageSize, cancellationToken))
        {
            foreach (var hit in hits)
            {
                index[hit.Id] = hit.Source!.Value.GetProperty("version").GetInt64();
            }
        }

        var differences = new List<IndexDifference>();
        foreach (var (id, version) in store.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if (!index.TryGetValue(id, out var indexed))
            {
                differences.Add(new(id, $"in the store (version {version}) but not in the index"));
            }
            else if (indexed != version)
            {
                differences.Add(new(id, $"the store has version {version}, the index version {indexed}"));
            }
        }

        differences.AddRange(index.Keys.Where(id => !store.ContainsKey(id)).Order(StringComparer.Ordinal).Select(id => new IndexDifference(id, "in the index but not in the store")));
        return differences;
    }

    /// <summary>The settings and mappings of index-mappings/, as one create-index body.</summary>
    public static JsonObject IndexDefinition()
    {
        static JsonNode Read(string name)
        {
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"UjDatabase.Server.{name}")
                ?? throw new InvalidOperationException($"{name} is missing from UjDatabase.Server.");
            return JsonNode.Parse(stream)!;
        }

        return new JsonObject { ["settings"] = Read("cases.settings.json"), ["mappings"] = Read("cases.mappings.json") };
    }
}
