using Dapper;
using UjDatabase.Core.Search;
using UjDatabase.Embedded.Search;
using UjDatabase.Tests;

namespace UjDatabase.Embedded.Tests;

public class SearchIndexerTests
{
    private static async Task<long> TotalAsync(SqliteSearchEngine engine, string queryString) =>
        (await engine.SearchAsync(CaseQueryParser.Parse(queryString).Query)).Total;

    [Fact]
    public async Task Sync_drains_the_outbox_in_batches_and_marks_rows_done()
    {
        using var test = new TestStore();
        await test.Store.UpsertAsync(Core.Synthetic.SyntheticCases.Generate(120));
        var indexer = new SqliteSearchIndexer(test.Database);

        Assert.Equal(50, await indexer.SyncAsync(batchSize: 50));
        Assert.Equal(50, await indexer.SyncAsync(batchSize: 50));
        Assert.Equal(20, await indexer.SyncAsync(batchSize: 50));
        Assert.Equal(0, await indexer.SyncAsync(batchSize: 50));

        Assert.All(test.Store.ReadOutbox(), o => Assert.True(o.Processed));
        Assert.Empty(await indexer.VerifyAsync());
    }

    [Fact]
    public async Task Applying_an_older_version_after_a_newer_one_changes_nothing()
    {
        using var test = new TestStore();
        var indexer = new SqliteSearchIndexer(test.Database);
        var engine = new SqliteSearchEngine(test.Database, test.Store);
        var original = SampleCases.Valid();
        var renamed = original with { Summary = "Renamed summary with plugh." };
        await test.Store.UpsertAsync([original]);

        indexer.Apply([new IndexChange(original.Id, 2, renamed)]);
        indexer.Apply([new IndexChange(original.Id, 1, original)]);
        indexer.Apply([new IndexChange(original.Id, 2, renamed)]);

        Assert.Equal(1, await TotalAsync(engine, "q=plugh"));
        using var connection = test.Database.Open();
        Assert.Equal(2L, connection.ExecuteScalar<long>("SELECT version FROM search_docs"));
        Assert.Equal(1L, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM search_fts"));
    }

    [Fact]
    public async Task A_deleted_record_is_not_brought_back_by_an_older_upsert()
    {
        using var test = new TestStore();
        var indexer = new SqliteSearchIndexer(test.Database);
        var engine = new SqliteSearchEngine(test.Database, test.Store);
        var record = SampleCases.Valid();

        indexer.Apply([new IndexChange(record.Id, 1, record)]);
        indexer.Apply([new IndexChange(record.Id, 3, null)]);
        indexer.Apply([new IndexChange(record.Id, 2, record)]);

        Assert.Equal(0, await TotalAsync(engine, string.Empty));
        indexer.Apply([new IndexChange(record.Id, 4, record)]);
        Assert.Equal(1, await TotalAsync(engine, string.Empty));
    }

    [Fact]
    public async Task Replaying_a_synced_batch_changes_nothing()
    {
        using var test = new TestStore();
        var indexer = new SqliteSearchIndexer(test.Database);
        await test.Store.UpsertAsync([SampleCases.Valid("a-case"), SampleCases.Valid("b-case")]);
        await indexer.SyncAsync();
        using var connection = test.Database.Open();
        var before = connection.Query<(string, long, long)>("SELECT case_id, version, pk FROM search_docs ORDER BY case_id").AsList();
        var generation = connection.ExecuteScalar<long>("SELECT value FROM search_state WHERE name = 'generation'");

        connection.Execute("UPDATE outbox SET processed_at = NULL");
        await indexer.SyncAsync();

        Assert.Equal(before, connection.Query<(string, long, long)>("SELECT case_id, version, pk FROM search_docs ORDER BY case_id").AsList());
        Assert.Equal(generation, connection.ExecuteScalar<long>("SELECT value FROM search_state WHERE name = 'generation'"));
    }

    [Fact]
    public async Task Reindex_rebuilds_from_the_store_and_clears_the_outbox()
    {
        using var test = new TestStore();
        await test.Store.UpsertAsync(Core.Synthetic.SyntheticCases.Generate(700));
        var indexer = new SqliteSearchIndexer(test.Database);

        Assert.NotEmpty(await indexer.VerifyAsync());
        Assert.Equal(700, await indexer.ReindexAsync());

        Assert.Empty(await indexer.VerifyAsync());
        Assert.Equal(0, await indexer.SyncAsync());
    }

    [Fact]
    public async Task Verify_reports_a_missing_full_text_row_and_a_stray_document()
    {
        using var test = new TestStore();
        await test.Store.UpsertAsync([SampleCases.Valid("a-case"), SampleCases.Valid("b-case")]);
        var indexer = new SqliteSearchIndexer(test.Database);
        await indexer.SyncAsync();
        using var connection = test.Database.Open();

        connection.Execute("DELETE FROM search_fts WHERE rowid = (SELECT pk FROM search_docs WHERE case_id = 'a-case')");
        connection.Execute("DELETE FROM cases WHERE id = 'b-case'");

        var differences = (await indexer.VerifyAsync()).Select(d => d.ToString()).ToList();
        Assert.Contains("a-case: has no full-text row", differences);
        Assert.Contains("b-case: in the index but not in the store", differences);
    }
}
