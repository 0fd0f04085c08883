using System.Reflection;
using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Bulk;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Transport;
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
/// 429 are retried; any other item error sets that one record aside as a dead letter and the rest goes on.
/// </summary>
public sealed class EsIndexer(ElasticsearchClient client, IIndexSource source, ResiliencePipeline pipeline, IndexResilienceOptions options, TimeProvider clock) : ISearchIndexer
{
    public const int BatchCount = 500;
    public const int BatchBytes = 5 * 1024 * 1024;
    private const int VerifyPageSize = 1000;
    private const int ItemRetries = 3;

    /// <summary>On a cluster with no <c>cases</c> alias yet, builds the first index from the store.</summary>
    public async Task EnsureReadyAsync(IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        if ((await AliasTargetsAsync(cancellationToken)).Count == 0)
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

        var refused = await ApplyAsync(EsCalls.Alias, await ChangesOfAsync(pending, cancellationToken), cancellationToken);
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
        var batch = new List<(IndexChange Change, BulkOperation Operation)>();
        var bytes = 0;
        await foreach (var change in changes.WithCancellation(cancellationToken))
        {
            var (operation, size) = Operation(change, clock.GetUtcNow().Year);
            batch.Add((change, operation));
            bytes += size;
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

    /// <summary>The bulk operation of one change, with the store's version as an external version, and about how many bytes it sends.</summary>
    public static (BulkOperation Operation, int Bytes) Operation(IndexChange change, int currentYear)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Record is null)
        {
            return (new BulkDeleteOperation(change.CaseId) { Version = change.Version, VersionType = VersionType.External }, 100);
        }

        var document = EsDocument.Build(change.Record, change.Version, currentYear);
        // Measured once here (the client serialises it again) so that a batch stays near BatchBytes.
        var size = System.Text.Encoding.UTF8.GetByteCount(document.ToJsonString()) + 100;
        return (new BulkIndexOperation<JsonObject>(document) { Id = change.CaseId, Version = change.Version, VersionType = VersionType.External }, size);
    }

    private async Task<List<(IndexChange Change, string Error)>> SendBatchAsync(string index, List<(IndexChange Change, BulkOperation Operation)> batch, CancellationToken cancellationToken)
    {
        var refused = new List<(IndexChange Change, string Error)>();
        var remaining = batch;
        for (var attempt = 0; ; attempt++)
        {
            var request = new BulkRequest(index) { Operations = [.. remaining.Select(b => b.Operation)] };
            // Item errors make the client call the whole response invalid; only a failed request as such is one here.
            var response = await pipeline.RunAsync(
                async token =>
                {
                    var answer = await EsCalls.InvokeAsync(t => client.BulkAsync(request, t), "a bulk write", token);
                    return answer.ApiCallDetails.HasSuccessfulStatusCode && answer.Items.Count == remaining.Count ? answer : throw EsCalls.Failure(answer, "a bulk write");
                },
                options,
                cancellationToken);
            var retry = new List<(IndexChange, BulkOperation)>();
            foreach (var (item, sent) in response.Items.Zip(remaining))
            {
                if (item.Status is >= 200 and < 300 || item.Status == 409 || (item.Status == 404 && sent.Change.Record is null))
                {
                    // Done, stale (the index holds this version or a newer one), or already gone.
                    continue;
                }

                if (item.Status == 429)
                {
                    retry.Add(sent);
                }
                else
                {
                    refused.Add((sent.Change, $"{item.Status} {item.Error?.Type}: {item.Error?.Reason}"));
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

    /// <summary>
    /// Builds a new index from the store, checks its count, and swaps the alias to it in one request; the old index
    /// stays for rollback. It holds the sync lease meanwhile, so no node writes through the alias while the alias
    /// moves; their changes wait in the outbox and are replayed after the swap.
    /// </summary>
    public async Task<long> ReindexAsync(IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        await source.TakeOverLeaseAsync(Holder, LeaseDuration, cancellationToken);
        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewal = RenewLeaseAsync(renewing.Token);
        try
        {
            return await RebuildAsync(cancellationToken);
        }
        finally
        {
            await renewing.CancelAsync();
            await renewal;
            await source.ReleaseLeaseAsync(Holder, CancellationToken.None);
        }
    }

    /// <summary>Keeps the lease for as long as a rebuild takes (it may take far longer than one lease).</summary>
    private async Task RenewLeaseAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(LeaseDuration / 3, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await source.TakeOverLeaseAsync(Holder, LeaseDuration, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task<long> RebuildAsync(CancellationToken cancellationToken)
    {
        var index = $"{EsCalls.Alias}-{clock.GetUtcNow():yyyyMMddHHmmssfff}".ToLowerInvariant();
        // Changes made from here on may reach only the old index (the sync keeps writing through the alias meanwhile):
        // they are applied to the new one after the swap.
        var from = await source.LastSeqAsync(cancellationToken);
        await CreateIndexAsync(index, cancellationToken);
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

        await pipeline.CallAsync(options, "refreshing the new index", token => client.Indices.RefreshAsync(new RefreshRequest(index), token), cancellationToken);
        var indexed = (await pipeline.CallAsync(options, "counting the new index", token => client.CountAsync(new CountRequest(index), token), cancellationToken)).Count;
        if (indexed != count)
        {
            throw new IndexWriteException($"The new index {index} holds {indexed} documents but the store has {count}; the alias was not moved.");
        }

        await SwapAliasAsync(index, await AliasTargetsAsync(cancellationToken), cancellationToken);
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

            await SetAsideAsync(await ApplyAsync(EsCalls.Alias, await ChangesOfAsync(rows, cancellationToken), cancellationToken), cancellationToken);
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
        SearchRequest Page(string pit, IReadOnlyCollection<FieldValue>? after) => EsQueryBuilder.Paged(
            new SearchRequest
            {
                Size = VerifyPageSize,
                Source = new Elastic.Clients.Elasticsearch.Core.Search.SourceFilter { Includes = "version" },
                Sort = [EsQueryBuilder.Ascending("id")],
                TrackTotalHits = false,
            },
            pit,
            after);

        await foreach (var hits in EsScan.PagesAsync<VersionOnly>(client, pipeline, options, Page, VerifyPageSize, cancellationToken))
        {
            foreach (var hit in hits)
            {
                index[hit.Id!] = hit.Source?.Version ?? -1;
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

    /// <summary>The indices the alias points at now (none when the alias does not exist yet).</summary>
    private async Task<IReadOnlyList<string>> AliasTargetsAsync(CancellationToken cancellationToken)
    {
        var response = await pipeline.RunAsync(
            async token =>
            {
                var answer = await EsCalls.InvokeAsync(t => client.Indices.GetAliasAsync(new GetAliasRequest((Names)EsCalls.Alias), t), "reading the alias", token);
                return answer.IsValidResponse || answer.ApiCallDetails.HttpStatusCode == 404 ? answer : throw EsCalls.Failure(answer, "reading the alias");
            },
            options,
            cancellationToken);
        return response.IsValidResponse && response.Aliases is { } aliases ? [.. aliases.Keys] : [];
    }

    /// <summary>Points the alias at <paramref name="index"/> and away from every other index, in one atomic request.</summary>
    private Task<UpdateAliasesResponse> SwapAliasAsync(string index, IReadOnlyList<string> previous, CancellationToken cancellationToken)
    {
        var actions = previous.Where(p => p != index)
            .Select(old => (IndexUpdateAliasesAction)new RemoveAction { Index = old, Alias = EsCalls.Alias })
            .Append(new AddAction { Index = index, Alias = EsCalls.Alias })
            .ToList();
        return pipeline.CallAsync(options, "moving the alias", token => client.Indices.UpdateAliasesAsync(new UpdateAliasesRequest { Actions = actions }, token), cancellationToken);
    }

    /// <summary>Creates an index with the settings and mappings of index-mappings/, sent as they are written there.</summary>
    private Task<CreateIndexResponse> CreateIndexAsync(string index, CancellationToken cancellationToken) =>
        pipeline.CallAsync(
            options,
            "creating the new index",
            token => client.Transport.PutAsync<CreateIndexResponse>(index, PostData.String(IndexDefinition().ToJsonString()), token),
            cancellationToken);

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

    /// <summary>The one source field a verification reads.</summary>
    private sealed record VersionOnly(long Version);
}
