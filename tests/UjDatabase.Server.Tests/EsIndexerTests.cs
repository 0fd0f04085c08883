using System.Net;
using System.Text.Json.Nodes;
using UjDatabase.Core.Search;
using UjDatabase.Embedded;
using UjDatabase.Server.Elasticsearch;
using UjDatabase.Server.Resilience;
using UjDatabase.Tests;

namespace UjDatabase.Server.Tests;

/// <summary>Keeping Elasticsearch in step: bulk item results, the outbox, and the alias swap of a reindex.</summary>
public sealed class EsIndexerTests : IDisposable
{
    private static readonly IndexResilienceOptions Fast = new() { RetryDelay = TimeSpan.FromMilliseconds(1), MinimumThroughput = 100 };

    private readonly TempDirectory directory = new();
    private readonly SqliteCaseStore store;
    private readonly FakeElasticsearch es = new();
    private readonly EsIndexer indexer;

    public EsIndexerTests()
    {
        var database = new SqliteDatabase(directory.File("ujdb.sqlite"));
        database.Migrate();
        store = new SqliteCaseStore(database);
        indexer = new EsIndexer(es.Client, store, IndexPipelines.Idempotent(Fast), Fast, TimeProvider.System);
    }

    public void Dispose() => directory.Dispose();

    private static IndexChange Upsert(string id, long version) => new(id, version, SampleCases.Valid(id));

    [Fact]
    public async Task Stale_writes_and_missing_deletes_succeed_and_throttled_items_are_retried_alone()
    {
        es.AnswerWith("bulk-mixed.json").AnswerWith("bulk-retry-ok.json");

        await indexer.ApplyAsync("cases", [Upsert("a-case", 5), Upsert("b-case", 6), Upsert("c-case", 7), new IndexChange("d-case", 8, null)]);

        Assert.Equal(2, es.Requests.Count);
        var retried = es.Requests[1].Body!.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, retried.Length);
        Assert.Equal("c-case", JsonNode.Parse(retried[0])!["index"]!["_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_document_elasticsearch_refuses_is_set_aside_with_its_error_and_the_sync_goes_on()
    {
        await store.UpsertAsync([SampleCases.Valid("a-case")]);
        es.AnswerWith("bulk-mapping-error.json");

        Assert.Equal(1, await indexer.SyncAsync());

        Assert.Empty(await store.ReadPendingAsync(10));
        var letter = Assert.Single(await store.DeadLettersAsync());
        Assert.Equal("a-case", letter.CaseId);
        Assert.Contains("mapper_parsing_exception", letter.Error, StringComparison.Ordinal);
        Assert.Equal(1, (await store.LagAsync()).DeadLetters);

        // After the cause is fixed, a retry puts it back in the outbox and the next sync indexes it.
        Assert.Equal(1, await store.RetryDeadAsync());
        es.AnswerWith("bulk-retry-ok.json");
        Assert.Equal(1, await indexer.SyncAsync());
        Assert.Empty(await store.DeadLettersAsync());
        Assert.Empty(await store.ReadPendingAsync(10));
    }

    [Fact]
    public async Task A_rebuild_with_a_refused_document_fails_and_leaves_the_alias_where_it_was()
    {
        await store.UpsertAsync([SampleCases.Valid("a-case")]);
        es.Answer(HttpStatusCode.OK, "{\"acknowledged\":true}").AnswerWith("bulk-mapping-error.json");

        var error = await Assert.ThrowsAsync<IndexWriteException>(() => indexer.ReindexAsync());

        Assert.Contains("alias was not moved", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(es.Requests, r => r.Path.Contains("_aliases", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sync_sends_each_changed_record_as_it_now_is_with_its_store_version()
    {
        await store.UpsertAsync([SampleCases.Valid("a-case")]);
        await store.UpsertAsync([SampleCases.Valid("a-case") with { Title = "Renamed" }]);
        await store.UpsertAsync([SampleCases.Valid("b-case")]);
        await store.DeleteAsync("b-case");
        es.Answer(HttpStatusCode.OK, "{\"took\":1,\"errors\":false,\"items\":[{\"index\":{\"_id\":\"a-case\",\"status\":200}},{\"delete\":{\"_id\":\"b-case\",\"status\":200}}]}");

        Assert.Equal(4, await indexer.SyncAsync());

        var lines = es.Requests.Single().Body!.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Equal(2, lines[0]["index"]!["version"]!.GetValue<long>());
        Assert.Equal("Renamed", lines[1]["names"]!.AsArray().Last()!.GetValue<string>());
        Assert.Equal(4, lines[2]["delete"]!["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task Reindex_builds_a_new_index_checks_its_count_and_swaps_the_alias_in_one_request()
    {
        await store.UpsertAsync([SampleCases.Valid("a-case"), SampleCases.Valid("b-case")]);
        es.Answer(HttpStatusCode.OK, "{\"acknowledged\":true}")
            .Answer(HttpStatusCode.OK, "{\"took\":1,\"errors\":false,\"items\":[{\"index\":{\"_id\":\"a-case\",\"status\":201}},{\"index\":{\"_id\":\"b-case\",\"status\":201}}]}")
            .Answer(HttpStatusCode.OK, "{\"_shards\":{\"total\":1,\"successful\":1,\"failed\":0}}")
            .Answer(HttpStatusCode.OK, "{\"count\":2}")
            .Answer(HttpStatusCode.OK, "{\"cases-20260101000000000\":{\"aliases\":{\"cases\":{}}}}")
            .Answer(HttpStatusCode.OK, "{\"acknowledged\":true}");

        Assert.Equal(2, await indexer.ReindexAsync());

        var paths = es.Requests.Select(r => (r.Method, r.Path.Split('?')[0])).ToList();
        var index = paths[0].Item2.TrimStart('/');
        Assert.StartsWith("cases-", index, StringComparison.Ordinal);
        Assert.Equal([("PUT", "/" + index), ("POST", $"/{index}/_bulk"), ("POST", $"/{index}/_refresh"), ("POST", $"/{index}/_count"), ("GET", "/_alias/cases"), ("POST", "/_aliases")], paths);
        Assert.Equal(EsIndexer.IndexDefinition().ToJsonString(), JsonNode.Parse(es.Requests[0].Body!)!.ToJsonString());
        var actions = JsonNode.Parse(es.Requests[^1].Body!)!["actions"]!.AsArray();
        Assert.Equal("cases-20260101000000000", actions[0]!["remove"]!["index"]!.GetValue<string>());
        Assert.Equal(index, actions[1]!["add"]!["index"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_change_made_during_a_reindex_reaches_the_new_index_after_the_swap()
    {
        await store.UpsertAsync([SampleCases.Valid("a-case")]);
        es.Answer(HttpStatusCode.OK, "{\"acknowledged\":true}")
            .Answer(
                HttpStatusCode.OK,
                "{\"took\":1,\"errors\":false,\"items\":[{\"index\":{\"_id\":\"a-case\",\"status\":201}}]}",
                () => store.UpsertAsync([SampleCases.Valid("a-case") with { Title = "Changed during the rebuild" }]).GetAwaiter().GetResult())
            .Answer(HttpStatusCode.OK, "{\"_shards\":{\"total\":1,\"successful\":1,\"failed\":0}}")
            .Answer(HttpStatusCode.OK, "{\"count\":1}")
            .Answer(HttpStatusCode.OK, "{}")
            .Answer(HttpStatusCode.OK, "{\"acknowledged\":true}")
            .Answer(HttpStatusCode.OK, "{\"took\":1,\"errors\":false,\"items\":[{\"index\":{\"_id\":\"a-case\",\"status\":200}}]}");

        await indexer.ReindexAsync();

        var replay = es.Requests[^1];
        Assert.Equal("/cases/_bulk", replay.Path);
        var lines = replay.Body!.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal("a-case", lines[0]["index"]!["_id"]!.GetValue<string>());
        Assert.Equal(2, lines[0]["index"]!["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_reindex_holds_the_sync_lease_while_it_runs_and_lets_it_go_after()
    {
        await store.UpsertAsync([SampleCases.Valid("a-case")]);
        Assert.True(await store.TryTakeLeaseAsync("web-node", TimeSpan.FromMinutes(1)));
        bool? webNodeCouldSync = null;
        es.Answer(HttpStatusCode.OK, "{\"acknowledged\":true}")
            .Answer(
                HttpStatusCode.OK,
                "{\"took\":1,\"errors\":false,\"items\":[{\"index\":{\"_id\":\"a-case\",\"status\":201}}]}",
                () => webNodeCouldSync = store.TryTakeLeaseAsync("web-node", TimeSpan.FromMinutes(1)).GetAwaiter().GetResult())
            .Answer(HttpStatusCode.OK, "{\"_shards\":{\"total\":1,\"successful\":1,\"failed\":0}}")
            .Answer(HttpStatusCode.OK, "{\"count\":1}")
            .Answer(HttpStatusCode.OK, "{}")
            .Answer(HttpStatusCode.OK, "{\"acknowledged\":true}");

        await indexer.ReindexAsync();

        Assert.False(webNodeCouldSync);
        Assert.True(await store.TryTakeLeaseAsync("web-node", TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task A_reindex_whose_count_is_short_does_not_move_the_alias()
    {
        await store.UpsertAsync([SampleCases.Valid("a-case"), SampleCases.Valid("b-case")]);
        es.Answer(HttpStatusCode.OK, "{\"acknowledged\":true}")
            .Answer(HttpStatusCode.OK, "{\"took\":1,\"errors\":false,\"items\":[{\"index\":{\"_id\":\"a-case\",\"status\":201}},{\"index\":{\"_id\":\"b-case\",\"status\":201}}]}")
            .Answer(HttpStatusCode.OK, "{}")
            .Answer(HttpStatusCode.OK, "{\"count\":1}");

        var error = await Assert.ThrowsAsync<IndexWriteException>(() => indexer.ReindexAsync());

        Assert.Contains("the alias was not moved", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(es.Requests, r => r.Path == "/_aliases");
    }

    [Fact]
    public async Task A_node_without_the_sync_lease_leaves_the_outbox_to_the_node_that_holds_it()
    {
        await store.UpsertAsync([SampleCases.Valid("a-case")]);
        Assert.True(await store.TryTakeLeaseAsync("another-node", TimeSpan.FromMinutes(1)));

        Assert.Equal(0, await indexer.SyncAsync());

        Assert.Empty(es.Requests);
        Assert.Single(await store.ReadPendingAsync(10));
    }

    [Fact]
    public async Task Verify_reads_every_id_and_version_through_a_point_in_time_and_lists_the_differences()
    {
        await store.UpsertAsync([SampleCases.Valid("a-case"), SampleCases.Valid("b-case")]);
        es.AnswerWith("pit-open.json")
            .Answer(HttpStatusCode.OK, """
                {"pit_id":"pit-abc2","timed_out":false,"_shards":{"total":1,"successful":1,"failed":0},"hits":{"hits":[
                  {"_id":"a-case","_source":{"version":1},"sort":["a-case"]},
                  {"_id":"c-case","_source":{"version":9},"sort":["c-case"]}]}}
                """)
            .Answer(HttpStatusCode.OK, "{\"succeeded\":true}");

        var differences = (await indexer.VerifyAsync()).Select(d => d.ToString()).ToList();

        Assert.Equal(["b-case: in the store (version 2) but not in the index", "c-case: in the index but not in the store"], differences);
        Assert.Equal(["/cases/_pit?keep_alive=2m", "/_search", "/_pit"], es.Requests.Select(r => r.Path));
    }
}
