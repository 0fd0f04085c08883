using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.IndexManagement;
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
        private readonly ElasticsearchClient client;

        public EsBackend(Uri server)
        {
            var database = new SqliteDatabase(directory.File("ujdb.sqlite"));
            database.Migrate();
            var store = new SqliteCaseStore(database);
            Store = store;
            client = EsCalls.CreateClient(server);
            var options = new IndexResilienceOptions();
            var pipeline = IndexPipelines.Idempotent(options);
            Indexer = new RefreshingIndexer(new EsIndexer(client, store, pipeline, options, TimeProvider.System), client);
            Engine = new EsSearchEngine(client, store, pipeline, options);
        }

        public ICaseStore Store { get; }

        public ISearchEngine Engine { get; }

        public ISearchIndexer Indexer { get; }

        public async Task TamperAsync(string id)
        {
            // Rewrite the document with a lower external version than the store's: verify must notice.
            var response = await client.UpdateByQueryAsync(new UpdateByQueryRequest(EsCalls.Alias)
            {
                Script = new Script { Source = "ctx._source.version = ctx._source.version - 1" },
                Query = new Elastic.Clients.Elasticsearch.QueryDsl.IdsQuery { Values = new Ids([id]) },
                Refresh = true,
            });
            Assert.True(response.IsValidResponse, response.DebugInformation);
            Assert.Equal(1, response.Updated);
        }

        public ValueTask DisposeAsync()
        {
            directory.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Makes writes visible to the next search at once, as the contract expects of a synced index.</summary>
    private sealed class RefreshingIndexer(EsIndexer inner, ElasticsearchClient client) : ISearchIndexer
    {
        public async Task<int> SyncAsync(int batchSize = 500, CancellationToken cancellationToken = default)
        {
            var applied = await inner.SyncAsync(batchSize, cancellationToken);
            var refreshed = await client.Indices.RefreshAsync(new RefreshRequest(EsCalls.Alias), cancellationToken);
            Assert.True(refreshed.IsValidResponse, refreshed.DebugInformation);
            return applied;
        }

        public Task EnsureReadyAsync(IProgress<long>? progress = null, CancellationToken cancellationToken = default) => inner.EnsureReadyAsync(progress, cancellationToken);

        public Task<long> ReindexAsync(IProgress<long>? progress = null, CancellationToken cancellationToken = default) => inner.ReindexAsync(progress, cancellationToken);

        public Task<IReadOnlyList<IndexDifference>> VerifyAsync(CancellationToken cancellationToken = default) => inner.VerifyAsync(cancellationToken);
    }
}
