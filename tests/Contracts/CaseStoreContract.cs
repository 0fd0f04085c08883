using UjDatabase.Core.Accounts;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Interchange;
using UjDatabase.Core.Storage;
using UjDatabase.Core.Synthetic;

namespace UjDatabase.Tests.Contracts;

/// <summary>A store that is also an index source (every store is), freshly created and migrated for one test.</summary>
public interface IStoreUnderTest : IAsyncDisposable
{
    ICaseStore Store { get; }

    IIndexSource Source { get; }

    IAccountStore Accounts { get; }

    UjDatabase.Core.Editing.IRecordEditor Editor { get; }

    UjDatabase.Core.Editing.IDraftStore Drafts { get; }
}

/// <summary>
/// The behaviour every case store must have, run against SQLite always and against SQL Server when
/// UJDB_TEST_SQLSERVER is set (a subclass whose server is not configured throws a SkipException from CreateAsync).
/// </summary>
public abstract class CaseStoreContract : IAsyncLifetime
{
    private IStoreUnderTest test = null!;

    protected ICaseStore Store => test.Store;

    protected IIndexSource Source => test.Source;

    protected IAccountStore Accounts => test.Accounts;

    protected UjDatabase.Core.Editing.IRecordEditor Editor => test.Editor;

    protected UjDatabase.Core.Editing.IDraftStore Drafts => test.Drafts;

    protected abstract Task<IStoreUnderTest> CreateAsync();

    public async Task InitializeAsync()
    {
        test = await CreateAsync();
        await test.Store.MigrateAsync();
        await test.Store.MigrateAsync();
    }

    public async Task DisposeAsync() => await test.DisposeAsync();

    private static List<CaseRecord> SeedRecords() =>
        TestFiles.SeedFiles.SelectMany(CaseFileReader.ReadFile).Select(i => CaseDecoder.Decode(i.Json!.Value, i.Line).Record!).ToList();

    private async Task<List<OutboxItem>> OutboxAsync() => [.. await Source.ReadPendingAsync(100_000)];

    [SkippableFact]
    public async Task Every_seed_record_reads_back_equal_field_for_field()
    {
        var seed = SeedRecords();

        await Store.UpsertAsync(seed);

        var read = await Store.GetManyAsync(seed.Select(r => r.Id).ToList());
        Assert.Equal(seed.Select(r => CaseJson.Serialize(r)), read.Select(r => CaseJson.Serialize(r)));
        Assert.Equal(seed.Count, await Store.CountAsync());
    }

    [SkippableFact]
    public async Task Every_field_of_the_format_v1_1_reads_back_equal()
    {
        var full = SampleCases.WithEveryField();
        var sparse = SampleCases.WithEveryField("sample-sparse-koblenz") with
        {
            Victims = new Victims { CivilParties = false },
            Reparation = new Reparation { Ordered = false, Note = "The court found no claim had been made." },
            CivilSociety = [new CivilSocietyOrganisation { Name = "Solo Group", Roles = ["trial_monitoring"] }, new CivilSocietyOrganisation { Name = "Other Group", Roles = ["documentation", "complainant"] }],
        };

        await Store.UpsertAsync([full, sparse]);

        Assert.Equal(CaseJson.Serialize(full), CaseJson.Serialize((await Store.GetAsync(full.Id))!));
        Assert.Equal(CaseJson.Serialize(sparse), CaseJson.Serialize((await Store.GetAsync(sparse.Id))!));
    }

    [SkippableFact]
    public async Task Nulls_empty_lists_and_partial_dates_survive_the_round_trip()
    {
        var sparse = SampleCases.Valid() with
        {
            CaseGroup = null,
            Accused = new Accused { Type = "unidentified" },
            Forum = new Forum { Country = "DE" },
            TerritorialCountries = [],
            CrimePeriod = new CrimePeriod { From = PartialDate.Parse("2022") },
            Verdict = null,
            Presence = null,
            Sentence = new Sentence { Type = "life" },
            Events = [new CaseEvent { Date = PartialDate.Parse("2022-03"), Type = "investigation_opened" }],
        };

        await Store.UpsertAsync([sparse]);

        Assert.Equal(CaseJson.Serialize(sparse), CaseJson.Serialize((await Store.GetAsync(sparse.Id))!));
    }

    [SkippableFact]
    public async Task An_update_replaces_the_lists_and_raises_the_version()
    {
        var original = SampleCases.Valid();
        await Store.UpsertAsync([original]);

        await Store.UpsertAsync([original with { Events = [original.Events[0]], Accused = original.Accused with { Aliases = [] } }]);

        var read = (await Store.GetAsync(original.Id))!;
        Assert.Single(read.Events);
        Assert.Empty(read.Accused.Aliases);
        var outbox = await OutboxAsync();
        Assert.Equal(2, outbox.Count);
        Assert.True(outbox[1].Version > outbox[0].Version);
        Assert.Equal(outbox[1].Version, (await Source.GetVersionedAsync([original.Id])).Single().Version);
    }

    [SkippableFact]
    public async Task A_record_given_twice_in_one_write_is_stored_once_as_the_later_version()
    {
        var first = SampleCases.Valid();
        var later = first with { Summary = "The later version.", Events = [first.Events[0]] };
        var others = Core.Synthetic.SyntheticCases.Generate(1200).ToList();

        // Spread over more than one of a store's internal batches, with the repeat far from the first.
        await Store.UpsertAsync([first, .. others, later]);

        var read = (await Store.GetAsync(first.Id))!;
        Assert.Equal("The later version.", read.Summary);
        Assert.Single(read.Events);
        Assert.Equal(1201, await Store.CountAsync());
        var outbox = await OutboxAsync();
        Assert.Equal(1202, outbox.Count);
        Assert.Equal(outbox.Where(o => o.CaseId == first.Id).Max(o => o.Version), (await Source.GetVersionedAsync([first.Id])).Single().Version);

        // And side by side.
        var close = SampleCases.Valid("close-case");
        await Store.UpsertAsync([close, close with { Summary = "Right after." }]);
        Assert.Equal("Right after.", (await Store.GetAsync("close-case"))!.Summary);
        Assert.Equal(close.Events.Count, (await Store.GetAsync("close-case"))!.Events.Count);
    }

    [SkippableFact]
    public async Task Every_insert_update_and_delete_writes_one_outbox_row_with_a_rising_version()
    {
        await Store.UpsertAsync([SampleCases.Valid("a-case"), SampleCases.Valid("b-case")]);
        await Store.UpsertAsync([SampleCases.Valid("a-case")]);
        Assert.True(await Store.DeleteAsync("b-case"));
        Assert.False(await Store.DeleteAsync("b-case"));

        var outbox = await OutboxAsync();
        // Within one batch the order of the outbox rows is not defined; across batches it follows the writes.
        Assert.Equal(["a-case:upsert", "b-case:upsert"], outbox.Take(2).Select(o => $"{o.CaseId}:{o.Operation}").Order());
        Assert.Equal(["a-case:upsert", "b-case:delete"], outbox.Skip(2).Select(o => $"{o.CaseId}:{o.Operation}"));
        Assert.True(outbox[3].Version > outbox[2].Version && outbox[2].Version > outbox.Take(2).Max(o => o.Version));
        Assert.Null(await Store.GetAsync("b-case"));

        await Source.MarkProcessedAsync(outbox.Select(o => o.Seq).ToList());
        Assert.Empty(await OutboxAsync());
    }

    [SkippableFact]
    public async Task The_lag_counts_the_changes_waiting_and_dates_the_oldest()
    {
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);
        Assert.Equal(new OutboxLag(0, null), await Source.LagAsync());

        await Store.UpsertAsync([SampleCases.Valid("a-case"), SampleCases.Valid("b-case")]);
        var lag = await Source.LagAsync();

        Assert.Equal(2, lag.Pending);
        Assert.InRange(lag.OldestPending!.Value, before, DateTimeOffset.UtcNow.AddMinutes(1));
        await Source.MarkProcessedAsync((await OutboxAsync()).Select(o => o.Seq).ToList());
        Assert.Equal(new OutboxLag(0, null), await Source.LagAsync());
    }

    [SkippableFact]
    public async Task A_change_set_aside_is_listed_and_counted_until_a_later_change_is_processed_or_it_is_retried()
    {
        await Store.UpsertAsync([SampleCases.Valid("a-case"), SampleCases.Valid("b-case")]);
        var outbox = await OutboxAsync();
        await Source.MarkProcessedAsync(outbox.Select(o => o.Seq).ToList());
        await Source.SetAsideAsync(outbox.Select(o => new DeadLetter(o.CaseId, o.Version, $"mapper_parsing_exception: {o.CaseId} has a bad date", DateTimeOffset.UtcNow)).ToList());

        Assert.Equal(["a-case", "b-case"], (await Source.DeadLettersAsync()).Select(d => d.CaseId));
        Assert.Equal(2, (await Source.LagAsync()).DeadLetters);

        // A later change of b-case has been through the index: its old letter is over.
        await Store.UpsertAsync([SampleCases.Valid("b-case")]);
        await Source.MarkProcessedAsync((await OutboxAsync()).Select(o => o.Seq).ToList());
        var left = Assert.Single(await Source.DeadLettersAsync());
        Assert.Equal("a-case", left.CaseId);
        Assert.Contains("bad date", left.Error, StringComparison.Ordinal);

        Assert.Equal(1, await Source.RetryDeadAsync());
        Assert.Empty(await Source.DeadLettersAsync());
        var requeued = Assert.Single(await OutboxAsync());
        Assert.Equal("a-case:upsert", $"{requeued.CaseId}:{requeued.Operation}");
        Assert.Equal(0, (await Source.LagAsync()).DeadLetters);
    }

    [SkippableFact]
    public async Task A_batch_that_fails_part_way_writes_neither_records_nor_outbox_rows()
    {
        await Store.UpsertAsync([SampleCases.Valid("kept")]);

        static IEnumerable<CaseRecord> Failing()
        {
            yield return SampleCases.Valid("first");
            throw new InvalidOperationException("the source broke");
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.UpsertAsync(Failing()));

        Assert.Equal(1, await Store.CountAsync());
        Assert.Single(await OutboxAsync());
    }

    [SkippableFact]
    public async Task Streaming_returns_every_record_once_in_id_order_across_pages()
    {
        var records = SyntheticCases.Generate(2345).Reverse().ToList();
        await Store.UpsertAsync(records);

        var ids = new List<string>();
        await foreach (var record in Store.StreamAllAsync())
        {
            ids.Add(record.Id);
        }

        Assert.Equal(records.Select(r => r.Id).Order(StringComparer.Ordinal), ids);
        var versioned = new List<string>();
        await foreach (var record in Source.StreamVersionedAsync())
        {
            versioned.Add(record.Record.Id);
        }

        Assert.Equal(ids, versioned);
    }

    [SkippableFact]
    public async Task Lookups_by_ids_group_and_existence_answer_in_order()
    {
        await Store.UpsertAsync([SampleCases.Valid("a-case") with { CaseGroup = "g" }, SampleCases.Valid("b-case") with { CaseGroup = "g" }, SampleCases.Valid("c-case") with { CaseGroup = null }]);

        Assert.Equal(["c-case", "a-case"], (await Store.GetManyAsync(["c-case", "missing", "a-case"])).Select(r => r.Id));
        Assert.Equal(["a-case", "b-case"], (await Store.GetGroupAsync("g")).Select(r => r.Id));
        Assert.Equal(["a-case"], await Store.FindExistingIdsAsync(["a-case", "z-case"]));
    }

    [SkippableFact]
    public async Task One_holder_at_a_time_has_the_sync_lease_until_it_lapses()
    {
        Assert.True(await Source.TryTakeLeaseAsync("node-a", TimeSpan.FromMinutes(1)));
        Assert.False(await Source.TryTakeLeaseAsync("node-b", TimeSpan.FromMinutes(1)));
        Assert.True(await Source.TryTakeLeaseAsync("node-a", TimeSpan.FromMilliseconds(1)));

        await Task.Delay(50);

        Assert.True(await Source.TryTakeLeaseAsync("node-b", TimeSpan.FromMinutes(1)));
        Assert.False(await Source.TryTakeLeaseAsync("node-a", TimeSpan.FromMinutes(1)));
    }

    [SkippableFact]
    public async Task A_reindex_takes_the_lease_from_its_holder_and_gives_it_back_at_once()
    {
        Assert.True(await Source.TryTakeLeaseAsync("node-a", TimeSpan.FromMinutes(1)));

        await Source.TakeOverLeaseAsync("reindex", TimeSpan.FromMinutes(1));

        Assert.False(await Source.TryTakeLeaseAsync("node-a", TimeSpan.FromMinutes(1)));
        await Source.ReleaseLeaseAsync("node-b");
        Assert.False(await Source.TryTakeLeaseAsync("node-a", TimeSpan.FromMinutes(1)));
        await Source.ReleaseLeaseAsync("reindex");
        Assert.True(await Source.TryTakeLeaseAsync("node-a", TimeSpan.FromMinutes(1)));
    }

    private static Account SampleAccount(string name) =>
        new(name, AccountRole.Editor, "hash-of-" + name, "stamp-1", Disabled: false, FailedSignIns: 0, LockedUntil: null, new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));

    [SkippableFact]
    public async Task An_account_is_kept_whole_and_a_taken_name_is_refused()
    {
        var account = SampleAccount("alice");

        Assert.True(await Accounts.AddAsync(account));
        Assert.False(await Accounts.AddAsync(account with { PasswordHash = "another" }));

        Assert.Equal(account, await Accounts.FindAsync("alice"));
        Assert.Null(await Accounts.FindAsync("bob"));
    }

    [SkippableFact]
    public async Task An_account_update_replaces_role_password_stamp_and_lockout_but_not_name_or_creation()
    {
        var account = SampleAccount("alice");
        await Accounts.AddAsync(account);
        await Accounts.AddAsync(SampleAccount("bob"));
        var changed = account with
        {
            Role = AccountRole.Admin,
            PasswordHash = "new-hash",
            SecurityStamp = "stamp-2",
            Disabled = true,
            FailedSignIns = 3,
            LockedUntil = new DateTimeOffset(2026, 11, 29, 10, 15, 0, TimeSpan.Zero),
        };

        Assert.True(await Accounts.UpdateAsync(changed));
        Assert.False(await Accounts.UpdateAsync(SampleAccount("carol")));

        Assert.Equal(changed, await Accounts.FindAsync("alice"));
        Assert.Equal(["alice", "bob"], (await Accounts.ListAsync()).Select(a => a.Name));
        Assert.Null(await Accounts.FindAsync("carol"));
    }

    [SkippableFact]
    public async Task An_edit_is_written_with_its_revision_only_while_the_record_is_at_the_version_the_editor_loaded()
    {
        var at = new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);
        var record = SeedRecords()[0];
        var first = await Editor.SaveAsync(record, expectedVersion: null, previous: null, "alice", "development", at);
        Assert.NotNull(first);
        var loaded = (await Source.GetVersionedAsync([record.Id])).Single();
        var pendingBefore = (await Source.ReadPendingAsync(10_000)).Count;

        var stale = await Editor.SaveAsync(record with { Summary = "Lost?" }, loaded.Version - 1, record, "bob", "development", at.AddMinutes(1));
        var again = await Editor.SaveAsync(record with { Summary = "A newer summary." }, expectedVersion: null, previous: null, "bob", "development", at.AddMinutes(1));
        var second = await Editor.SaveAsync(record with { Summary = "A newer summary." }, loaded.Version, record, "bob", "development", at.AddMinutes(2));

        Assert.Null(stale);
        Assert.Null(again);
        Assert.NotNull(second);
        Assert.Equal("A newer summary.", (await Store.GetAsync(record.Id))!.Summary);
        Assert.True((await Source.GetVersionedAsync([record.Id])).Single().Version > loaded.Version);
        Assert.Equal(pendingBefore + 1, (await Source.ReadPendingAsync(10_000)).Count);
        var history = await Editor.HistoryAsync(record.Id);
        Assert.Equal([(1, "alice"), (2, "bob")], history.Select(h => (h.Number, h.Author)));
        Assert.Equal(at.AddMinutes(2), history[1].At);
        Assert.Equal(UjDatabase.Core.Interchange.CaseJson.Serialize(record with { Summary = "A newer summary." }), history[1].RecordJson);
        Assert.Null(history[0].PreviousJson);
        Assert.Equal(UjDatabase.Core.Interchange.CaseJson.Serialize(record), history[1].PreviousJson);
        Assert.Equal([new UjDatabase.Core.Editing.FieldChange("summary", System.Text.Json.JsonSerializer.Serialize(record.Summary, UjDatabase.Core.Interchange.CaseJson.Options), "\"A newer summary.\"")], history[1].Changes);
        Assert.Empty(await Editor.HistoryAsync("no-such-record"));
    }

    [SkippableFact]
    public async Task A_stamped_write_keeps_each_new_and_changed_record_whole_before_and_after_numbered_after_the_editors_and_nothing_for_an_unchanged_one()
    {
        var at = new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
        var seed = SeedRecords();
        var (kept, changed, created) = (seed[0], seed[1], seed[2]);
        await Store.UpsertAsync([kept, changed]);
        var edited = changed with { Summary = "An editor's summary." };
        await Editor.SaveAsync(edited, (await Source.GetVersionedAsync([changed.Id])).Single().Version, changed, "alice", "development", at);
        var imported = edited with { Summary = "The import's summary.", Stage = "appeal" };

        await Store.UpsertAsync([kept, imported, created], new RevisionStamp("ujdb import (ci)", "import", at.AddMinutes(1)));

        Assert.Empty(await Editor.HistoryAsync(kept.Id));
        var history = await Editor.HistoryAsync(changed.Id);
        Assert.Equal([(1, "alice", "development"), (2, "ujdb import (ci)", "import")], history.Select(h => (h.Number, h.Author, h.Action)));
        Assert.Equal(at.AddMinutes(1), history[1].At);
        Assert.Equal(CaseJson.Serialize(edited), history[1].PreviousJson);
        Assert.Equal(CaseJson.Serialize(imported), history[1].RecordJson);
        Assert.Equal(["stage", "summary"], history[1].Changes.Select(c => c.Field).Order(StringComparer.Ordinal));
        var createdHistory = Assert.Single(await Editor.HistoryAsync(created.Id));
        Assert.Equal((1, "import", null, CaseJson.Serialize(created)), (createdHistory.Number, createdHistory.Action, createdHistory.PreviousJson, createdHistory.RecordJson));
    }

    [SkippableFact]
    public async Task The_first_revision_of_an_imported_record_reads_back_whole_before_and_after_later_changes()
    {
        var at = new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
        var created = SeedRecords()[3];
        await Store.UpsertAsync([created], new RevisionStamp("ujdb import (ci)", "import", at));
        Assert.Equal(CaseJson.Serialize(created), Assert.Single(await Editor.HistoryAsync(created.Id)).RecordJson);

        var edited = created with { Summary = "Changed after the import." };
        await Editor.SaveAsync(edited, (await Source.GetVersionedAsync([created.Id])).Single().Version, created, "alice", "edit", at.AddMinutes(1));
        var reimported = edited with { Stage = "appeal" };
        await Store.UpsertAsync([reimported], new RevisionStamp("ujdb import (ci)", "import", at.AddMinutes(2)));

        var history = await Editor.HistoryAsync(created.Id);
        Assert.Equal([CaseJson.Serialize(created), CaseJson.Serialize(edited), CaseJson.Serialize(reimported)], history.Select(h => h.RecordJson));
        Assert.Equal([null, CaseJson.Serialize(created), CaseJson.Serialize(edited)], history.Select(h => h.PreviousJson));
    }

    [SkippableFact]
    public async Task A_stamped_write_that_fails_part_way_keeps_no_revision()
    {
        static IEnumerable<CaseRecord> Failing()
        {
            yield return SampleCases.Valid("first");
            throw new InvalidOperationException("the source broke");
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.UpsertAsync(Failing(), new RevisionStamp("ujdb import (ci)", "import", DateTimeOffset.UnixEpoch)));

        Assert.Empty(await Editor.HistoryAsync("first"));
    }

    [SkippableFact]
    public async Task A_draft_is_kept_whole_listed_newest_first_and_discarded_and_the_record_does_not_change()
    {
        var record = SeedRecords()[0];
        await Store.UpsertAsync([record]);
        var pending = (await Source.ReadPendingAsync(10_000)).Count;
        var form = new UjDatabase.Core.Editing.DevelopmentForm
        {
            Date = "2026-11",
            Type = "other",
            Description = "A draft's words",
            SourceUrl = "https://example.org/draft",
            ChargeStages = new Dictionary<int, string> { [0] = "convicted" },
            Checked = true,
            Version = 7,
        };
        var at = new DateTimeOffset(2026, 11, 29, 11, 0, 0, TimeSpan.Zero);

        var wholeRecord = UjDatabase.Core.Editing.RecordForm.From(record, 7) with { Checked = true };

        var first = await Drafts.SaveDraftAsync(record.Id, "alice", at, UjDatabase.Core.Editing.DraftContent.Of(form));
        var second = await Drafts.SaveDraftAsync(record.Id, "bob", at.AddMinutes(1), UjDatabase.Core.Editing.DraftContent.Of(form with { Description = "Another" }));
        var third = await Drafts.SaveDraftAsync("a-new-record", "carol", at.AddMinutes(2), UjDatabase.Core.Editing.DraftContent.Of(wholeRecord));

        Assert.Equal([third, second, first], (await Drafts.DraftsAsync()).Select(d => d.Id));
        var kept = (await Drafts.DraftAsync(first))!;
        Assert.Equal((record.Id, "alice", at), (kept.CaseId, kept.Author, kept.SavedAt));
        Assert.Equal(UjDatabase.Core.Editing.DraftContent.Of(form), kept.Content);
        var keptRecord = (await Drafts.DraftAsync(third))!;
        Assert.Equal((UjDatabase.Core.Editing.DraftKind.Record, "a-new-record"), (keptRecord.Content.Kind, keptRecord.CaseId));
        Assert.Equal(wholeRecord.Values, keptRecord.Content.Record.Values);
        Assert.Equal((wholeRecord.Version, wholeRecord.BaseJson, true), (keptRecord.Content.Record.Version, keptRecord.Content.Record.BaseJson, keptRecord.Content.Record.Checked));
        Assert.True(await Drafts.DeleteDraftAsync(first));
        Assert.False(await Drafts.DeleteDraftAsync(first));
        Assert.Null(await Drafts.DraftAsync(first));
        Assert.Equal(UjDatabase.Core.Interchange.CaseJson.Serialize(record), UjDatabase.Core.Interchange.CaseJson.Serialize((await Store.GetAsync(record.Id))!));
        Assert.Equal(pending, (await Source.ReadPendingAsync(10_000)).Count);
    }
}
