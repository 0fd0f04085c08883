using Dapper;
using UjDatabase.Core.Search;
using UjDatabase.Core.Storage;
using UjDatabase.Embedded.Search;
using UjDatabase.Tests;
using UjDatabase.Tests.Contracts;

namespace UjDatabase.Embedded.Tests;

/// <summary>The search contract on the embedded engine: SQLite FTS5 with in-memory facet columns.</summary>
public sealed class SqliteSearchContractTests : SearchEngineContract
{
    protected override Task<ISearchBackend> CreateBackendAsync() => Task.FromResult<ISearchBackend>(new SqliteBackend());

    private sealed class SqliteBackend : ISearchBackend
    {
        private readonly TestStore test = new();

        public SqliteBackend()
        {
            Indexer = new SqliteSearchIndexer(test.Database);
            Engine = new SqliteSearchEngine(test.Database, test.Store);
        }

        public ICaseStore Store => test.Store;

        public ISearchEngine Engine { get; }

        public ISearchIndexer Indexer { get; }

        public Task TamperAsync(string id)
        {
            using var connection = test.Database.Open();
            connection.Execute("UPDATE search_docs SET version = version - 1 WHERE case_id = @id", new { id });
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            test.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
