using UjDatabase.Core.Search;
using UjDatabase.Core.Storage;
using UjDatabase.Tests.Contracts;

namespace UjDatabase.Embedded.Tests;

/// <summary>The search contract on the embedded engine: Lucene.NET beside the SQLite store.</summary>
public sealed class LuceneSearchContractTests : SearchEngineContract
{
    protected override Task<ISearchBackend> CreateBackendAsync() => Task.FromResult<ISearchBackend>(new LuceneBackend());

    private sealed class LuceneBackend : ISearchBackend
    {
        private readonly TestStore test = new();
        private StorageParts parts;

        public LuceneBackend() => parts = test.OpenProfile().Parts;

        public ICaseStore Store => test.Store;

        public ISearchEngine Engine => parts.Engine;

        public ISearchIndexer Indexer => parts.Indexer;

        public Task TamperAsync(string id)
        {
            // Damage the index from outside while no process holds it, then open it again as the next start would.
            parts.Dispose();
            IndexTampering.SetVersion(test.IndexPath, id, 0);
            parts = test.OpenProfile().Parts;
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            parts.Dispose();
            test.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
