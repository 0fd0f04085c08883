using Dapper;
using UjDatabase.Core.Search;
using UjDatabase.Tests;

namespace UjDatabase.Embedded.Tests;

public class SearchIndexerTests
{
    private static async Task<long> TotalAsync(ISearchEngine engine, string queryString) =>
        (await engine.SearchAsync(CaseQueryParser.Parse(queryString).Query)).Total;

    [Fact]
    public async Task Sync_drains_the_outbox_in_batches_and_marks_rows_done()
    {
        using var test = new TestStore();
        await test.Store.UpsertAsync(Core.Synthetic.SyntheticCases.Generate(120));
        using var profile = test.OpenProfile().Parts;

        Assert.Equal(50, await profile.Indexer.SyncAsync(batchSize: 50));
        Assert.Equal(50, await profile.Indexer.SyncAsync(batchSize: 50));
        Assert.Equal(20, await profile.Indexer.SyncAsync(batchSize: 50));
        Assert.Equal(0, await profile.Indexer.SyncAsync(batchSize: 50));

        Assert.All(test.Store.ReadOutbox(), o => Assert.True(o.Processed));
        Assert.Empty(await profile.Indexer.VerifyAsync());
        Assert.Equal(120, await TotalAsync(profile.Engine, string.Empty));
    }

    [Fact]
    public async Task An_edit_is_searchable_as_soon_as_its_sync_returns()
    {
        using var test = new TestStore();
        using var profile = test.OpenProfile().Parts;
        var original = SampleCases.Valid();
        await test.Store.UpsertAsync([original]);
        await profile.Indexer.SyncAsync();

        await test.Store.UpsertAsync([original with { Summary = "Renamed summary with plugh." }]);
        Assert.Equal(0, await TotalAsync(profile.Engine, "q=plugh"));
        await profile.Indexer.SyncAsync();

        Assert.Equal(1, await TotalAsync(profile.Engine, "q=plugh"));
        Assert.Equal(1, await TotalAsync(profile.Engine, string.Empty));
    }

    [Fact]
    public async Task Several_changes_to_one_record_leave_it_once_at_the_stores_version()
    {
        using var test = new TestStore();
        var record = SampleCases.Valid();
        await test.Store.UpsertAsync([record]);
        await test.Store.UpsertAsync([record with { Summary = "Second summary, xyzzy." }]);
        await test.Store.UpsertAsync([record with { Summary = "Third summary, plugh." }]);
        using var profile = test.OpenProfile().Parts;

        Assert.Equal(3, await profile.Indexer.SyncAsync());

        Assert.Equal(1, await TotalAsync(profile.Engine, "q=plugh"));
        Assert.Equal(0, await TotalAsync(profile.Engine, "q=xyzzy"));
        Assert.Empty(await profile.Indexer.VerifyAsync());
    }

    [Fact]
    public async Task A_deleted_record_leaves_the_index_and_an_unpublished_one_never_enters()
    {
        using var test = new TestStore();
        await test.Store.UpsertAsync([SampleCases.Valid("a-case"), SampleCases.Valid("b-case") with { Publication = "draft" }]);
        using var profile = test.OpenProfile().Parts;
        await profile.Indexer.SyncAsync();
        Assert.Equal(1, await TotalAsync(profile.Engine, string.Empty));

        await test.Store.DeleteAsync("a-case");
        await profile.Indexer.SyncAsync();

        Assert.Equal(0, await TotalAsync(profile.Engine, string.Empty));
        Assert.Empty(await profile.Indexer.VerifyAsync());
    }

    [Fact]
    public async Task At_start_the_index_catches_up_from_its_last_commit_instead_of_rebuilding()
    {
        using var test = new TestStore();
        await test.Store.UpsertAsync(Core.Synthetic.SyntheticCases.Generate(50));
        using (var first = test.OpenProfile().Parts)
        {
            await first.Indexer.EnsureReadyAsync();
        }

        await test.Store.UpsertAsync([SampleCases.Valid("late-case")]);
        var reported = new List<long>();
        using var second = test.OpenProfile().Parts;
        await second.Indexer.EnsureReadyAsync(new SynchronousProgress(reported));

        Assert.Empty(reported);
        Assert.Equal(51, await TotalAsync(second.Engine, string.Empty));
        Assert.Empty(await second.Indexer.VerifyAsync());
    }

    [Fact]
    public async Task A_missing_index_is_rebuilt_from_the_store_with_progress()
    {
        using var test = new TestStore();
        await test.Store.UpsertAsync(Core.Synthetic.SyntheticCases.Generate(2500));
        using (var first = test.OpenProfile().Parts)
        {
            await first.Indexer.EnsureReadyAsync();
        }

        System.IO.Directory.Delete(test.IndexPath, recursive: true);
        var reported = new List<long>();
        using var second = test.OpenProfile().Parts;
        await second.Indexer.EnsureReadyAsync(new SynchronousProgress(reported));

        Assert.Equal(2500, reported[^1]);
        Assert.True(reported.Count >= 2, "a rebuild reports progress as it goes, not only at the end");
        Assert.Equal(2500, await TotalAsync(second.Engine, string.Empty));
        Assert.Empty(await second.Indexer.VerifyAsync());
        Assert.All(test.Store.ReadOutbox(), o => Assert.True(o.Processed));
    }

    [Fact]
    public async Task A_damaged_index_is_rebuilt_from_the_store_at_start()
    {
        using var test = new TestStore();
        await test.Store.UpsertAsync(Core.Synthetic.SyntheticCases.Generate(300));
        using (var first = test.OpenProfile().Parts)
        {
            await first.Indexer.EnsureReadyAsync();
        }

        IndexTampering.CorruptSegments(test.IndexPath);
        var second = test.OpenProfile();
        using var parts = second.Parts;
        await second.Indexer.EnsureReadyAsync();

        Assert.NotNull(second.Indexer.Damage);
        Assert.Equal(300, await TotalAsync(second.Engine, string.Empty));
        Assert.Empty(await second.Indexer.VerifyAsync());
    }

    [Fact]
    public async Task An_index_built_with_another_layout_is_rebuilt_from_the_store_at_start()
    {
        using var test = new TestStore();
        await test.Store.UpsertAsync(Core.Synthetic.SyntheticCases.Generate(300));
        using (var first = test.OpenProfile().Parts)
        {
            await first.Indexer.EnsureReadyAsync();
        }

        // What an index written before the situation facet looks like: a commit that names no layout.
        using (var directory = Lucene.Net.Store.FSDirectory.Open(test.IndexPath))
        using (var writer = new Lucene.Net.Index.IndexWriter(directory, new Lucene.Net.Index.IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, new Lucene.Net.Analysis.Core.WhitespaceAnalyzer(Lucene.Net.Util.LuceneVersion.LUCENE_48))))
        {
            var applied = writer.CommitData["outbox_seq"];
            writer.SetCommitData(new Dictionary<string, string> { ["outbox_seq"] = applied });
            writer.Commit();
        }

        var second = test.OpenProfile();
        using var parts = second.Parts;
        await second.Indexer.EnsureReadyAsync();

        Assert.Contains("layout", second.Indexer.Damage, StringComparison.Ordinal);
        Assert.Equal(300, await TotalAsync(second.Engine, string.Empty));
        Assert.Empty(await second.Indexer.VerifyAsync());
    }

    [Fact]
    public async Task A_crash_between_the_index_commit_and_the_outbox_marking_repeats_nothing_and_clears_the_outbox()
    {
        using var test = new TestStore();
        await test.Store.UpsertAsync([SampleCases.Valid("a-case"), SampleCases.Valid("b-case")]);
        using var profile = test.OpenProfile().Parts;
        await profile.Indexer.SyncAsync();
        using (var connection = test.Database.Open())
        {
            connection.Execute("UPDATE outbox SET processed_at = NULL");
        }

        Assert.Equal(0, await profile.Indexer.SyncAsync());

        Assert.All(test.Store.ReadOutbox(), o => Assert.True(o.Processed));
        Assert.Equal(2, await TotalAsync(profile.Engine, string.Empty));
    }

    [Fact]
    public async Task Only_one_process_writes_the_index_and_the_other_reads_its_commits()
    {
        using var test = new TestStore();
        using var app = test.OpenProfile().Parts;
        await app.Indexer.EnsureReadyAsync();
        using var cli = test.OpenProfile().Parts;
        await cli.Indexer.EnsureReadyAsync();
        await test.Store.UpsertAsync([SampleCases.Valid()]);

        Assert.Equal(0, await cli.Indexer.SyncAsync());
        Assert.Equal(1, await app.Indexer.SyncAsync());
        await cli.Indexer.SyncAsync();

        Assert.Equal(1, await TotalAsync(cli.Engine, string.Empty));
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => cli.Indexer.ReindexAsync());
        Assert.Contains("in use by another process", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_lucene_cannot_take_is_set_aside_and_the_others_are_indexed_by_sync_and_by_rebuild()
    {
        using var test = new TestStore();
        var profile = test.OpenProfile();
        using var parts = profile.Parts;
        await parts.Indexer.EnsureReadyAsync();
        // An id longer than the longest term Lucene takes (32,766 bytes): written straight to the store, past the validator.
        var immense = new string('x', 33_000);
        await test.Store.UpsertAsync([SampleCases.Valid("good-case"), SampleCases.Valid(immense)]);

        Assert.Equal(2, await parts.Indexer.SyncAsync());

        Assert.Equal(1, await TotalAsync(parts.Engine, string.Empty));
        var letter = Assert.Single(await test.Store.DeadLettersAsync());
        Assert.Equal(immense, letter.CaseId);
        Assert.Empty(await test.Store.ReadPendingAsync(10));

        // A rebuild does not stop at it either.
        Assert.Equal(2, await parts.Indexer.ReindexAsync());
        Assert.Equal(1, await TotalAsync(parts.Engine, string.Empty));
        Assert.Single(await test.Store.DeadLettersAsync());

        // The record's next change (here: its removal) goes through the index and clears the letter.
        await test.Store.DeleteAsync(immense);
        await parts.Indexer.SyncAsync();
        Assert.Empty(await test.Store.DeadLettersAsync());
    }

    [Fact]
    public async Task A_process_that_holds_the_exclusive_lock_beside_the_index_keeps_every_other_from_writing()
    {
        using var test = new TestStore();
        // Another process's hold, as the operating system sees it: an exclusive lock on the file beside the index.
        // Lucene's own write lock is shared between processes on Linux and would let a second writer in.
        var other = new FileStream(test.IndexPath.TrimEnd(Path.DirectorySeparatorChar) + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        var cli = test.OpenProfile();
        using var parts = cli.Parts;

        Assert.False(cli.Indexer.CanWrite);
        await Assert.ThrowsAsync<InvalidOperationException>(() => cli.Indexer.ReindexAsync());

        other.Dispose();
        Assert.True(cli.Indexer.CanWrite);
    }

    [Fact]
    public async Task Verify_reports_a_version_the_store_does_not_have_and_a_record_the_store_lost()
    {
        using var test = new TestStore();
        await test.Store.UpsertAsync([SampleCases.Valid("a-case"), SampleCases.Valid("b-case")]);
        using (var first = test.OpenProfile().Parts)
        {
            await first.Indexer.EnsureReadyAsync();
        }

        IndexTampering.SetVersion(test.IndexPath, "a-case", 99);
        using (var connection = test.Database.Open())
        {
            connection.Execute("DELETE FROM cases WHERE id = 'b-case'");
        }

        using var second = test.OpenProfile().Parts;
        var differences = (await second.Indexer.VerifyAsync()).Select(d => d.ToString()).ToList();

        Assert.Contains("a-case: the store has version 1, the index version 99", differences);
        Assert.Contains("b-case: in the index but not in the store", differences);
        await second.Indexer.ReindexAsync();
        Assert.Empty(await second.Indexer.VerifyAsync());
    }

    /// <summary>Collects progress reports on the reporting thread (<see cref="Progress{T}"/> posts them later).</summary>
    private sealed class SynchronousProgress(List<long> reports) : IProgress<long>
    {
        public void Report(long value) => reports.Add(value);
    }
}
