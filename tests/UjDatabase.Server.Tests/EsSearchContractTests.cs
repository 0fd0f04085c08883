using System.Net;
using System.Text.Json.Nodes;
using UjDatabase.Core.Search;
using UjDatabase.Core.Storage;
using UjDatabase.Embedded;
using UjDatabase.Server.Elasticsearch;
using UjDatabase.Server.Resilience;
using UjDatabase.Tests;
using UjDatabase.Tests.Contracts;

namespace UjDatabase.Server.Tests;

/// <summary>
/// The search contract on Elasticsearch, when <c>UJDB_TEST_ELASTICSEARCH</c> names a server (the GitHub Actions
/// workflow starts one); skipped with that reason otherwise. The store is the embedded one, which is also an index
/// source, so that only the engine under test differs.
/// </summary>
public sealed class EsSearchContractTests : SearchEngineContract
{
    public const string Variable = "UJDB_TEST_ELASTICSEARCH";

    protected override async Task<ISearchBackend> CreateBackendAsync()
    {
        var url = Environment.GetEnvironmentVariable(Variable);
        Skip.If(string.IsNullOrWhiteSpace(url), $"{Variable} is not set: no Elasticsearch server to test against.");
        var backend = new EsBackend(new Uri(url!.TrimEnd('/') + "/"));
        await backend.Indexer.ReindexAsync();
        return backend;
    }

    private sealed class EsBackend : ISearchBackend
    {
        private readonly TempDirectory directory = new();
        private readonly HttpClient http;

        public EsBackend(Uri server)
        {
            var database = new SqliteDatabase(directory.File("ujdb.sqlite"));
            database.Migrate();
            var store = new SqliteCaseStore(database);
            Store = store;
            http = new HttpClient { BaseAddress = server };
            var client = new EsClient(http);
            var options = new IndexResilienceOptions();
            var pipeline = IndexPipelines.Idempotent(options);
            Indexer = new RefreshingIndexer(new EsIndexer(client, store, pipeline, options, TimeProvider.System), http);
            Engine = new EsSearchEngine(client, store, pipeline, options);
        }

        public ICaseStore Store { get; }

        public ISearchEngine Engine { get; }

        public ISearchIndexer Indexer { get; }

        public async Task TamperAsync(string id)
        {
            // Rewrite the document with a lower external version than the store's: verify must notice.
            var body = new JsonObject { ["script"] = new JsonObject { ["source"] = "ctx._source.version = ctx._source.version - 1" }, ["query"] = new JsonObject { ["ids"] = new JsonObject { ["values"] = new JsonArray(id) } } };
            using var response = await http.PostAsync($"{EsClient.Alias}/_update_by_query?refresh=true", new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        public ValueTask DisposeAsync()
        {
            http.Dispose();
            directory.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Makes writes visible to the next search at once, as the contract expects of a synced index.</summary>
    private sealed class RefreshingIndexer(EsIndexer inner, HttpClient http) : ISearchIndexer
    {
        public async Task<int> SyncAsync(int batchSize = 500, CancellationToken cancellationToken = default)
        {
            var applied = await inner.SyncAsync(batchSize, cancellationToken);
            using var _ = await http.PostAsync($"{EsClient.Alias}/_refresh", null, cancellationToken);
            return applied;
        }

        public Task EnsureReadyAsync(IProgress<long>? progress = null, CancellationToken cancellationToken = default) => inner.EnsureReadyAsync(progress, cancellationToken);

        public Task<long> ReindexAsync(IProgress<long>? progress = null, CancellationToken cancellationToken = default) => inner.ReindexAsync(progress, cancellationToken);

        public Task<IReadOnlyList<IndexDifference>> VerifyAsync(CancellationToken cancellationToken = default) => inner.VerifyAsync(cancellationToken);
    }
}
