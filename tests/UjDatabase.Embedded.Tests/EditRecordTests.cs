using UjDatabase.Core.Cases;
using UjDatabase.Core.Editing;
using UjDatabase.Core.Interchange;
using UjDatabase.Tests;

namespace UjDatabase.Embedded.Tests;

/// <summary>The record form and the use case that creates and edits whole records, on the embedded store with the seed data.</summary>
public sealed class EditRecordTests : IDisposable
{
    private const string Id = "raslan-koblenz";

    private static readonly IReadOnlyList<CaseRecord> Seed =
        TestFiles.SeedFiles.SelectMany(CaseFileReader.ReadFile).Select(i => CaseDecoder.Decode(i.Json!.Value, i.Line).Record!).ToList();

    private readonly TestStore test = new();
    private readonly FixedClock clock = new(new DateTimeOffset(2026, 11, 29, 9, 30, 0, TimeSpan.Zero));

    public EditRecordTests() => test.Store.UpsertAsync(Seed).GetAwaiter().GetResult();

    public void Dispose() => test.Dispose();

    private EditRecord UseCase => new(test.Store, test.Store, clock);

    /// <summary>What a browser posts for a form: one value per field, a value per ticked box.</summary>
    private static List<KeyValuePair<string, IReadOnlyList<string>>> Post(RecordForm form, params (string Name, string Value)[] changes)
    {
        var values = form.Values.ToDictionary(StringComparer.Ordinal);
        foreach (var (name, value) in changes)
        {
            values[name] = value;
        }

        var boxes = RecordFields.Groups.SelectMany(g => g.Fields).Where(f => f.Kind == FieldKind.Codes).Select(f => f.Name).ToHashSet();
        return values.Select(v => KeyValuePair.Create(v.Key, (IReadOnlyList<string>)(boxes.Contains(v.Key[(v.Key.LastIndexOf('.') + 1)..]) || boxes.Contains(v.Key) ? v.Value.Split('\n') : [v.Value]))).ToList();
    }

    private static RecordForm Posted(RecordForm form, params (string Name, string Value)[] changes) =>
        RecordForm.FromPosted(Post(form, changes), form.Version, form.BaseJson, form.Checked, out _)!;

    private async Task<RecordForm> LoadAsync(string id = Id)
    {
        var loaded = (await test.Store.GetVersionedAsync([id])).Single();
        return RecordForm.From(loaded.Record, loaded.Version);
    }

    [Fact]
    public void Every_seed_record_put_into_the_form_and_posted_back_unchanged_is_the_same_record()
    {
        foreach (var record in Seed)
        {
            var form = Posted(RecordForm.From(record, 1));
            var decoded = CaseDecoder.Decode(System.Text.Json.JsonSerializer.SerializeToElement(form.ToJson(record)));

            Assert.True(decoded.Problems.Count == 0, $"{record.Id}: {string.Join("; ", decoded.Problems)}");
            Assert.Equal(CaseJson.Serialize(record), CaseJson.Serialize(decoded.Record!));
        }
    }

    [Fact]
    public async Task An_edit_of_every_kind_of_field_is_saved_with_its_revision_and_only_the_checked_box_changes_the_last_checked_date()
    {
        var form = await LoadAsync();
        var before = (await test.Store.GetAsync(Id))!;

        var result = await UseCase.RunAsync(Id, Posted(form,
            ("accused.aliases", "Anwar R.\nA. Raslan"),
            ("accused.nationalities", "sy, de"),
            ("sentence.years", "12.5"),
            ("victims.civil_parties", "yes"),
            ("charges[0].stage", "acquitted"),
            ("verdict", "partially_convicted"),
            (RecordForm.RowPrefix("sources", form.Rows("sources")) + "url", "https://example.org/new-source"),
            (RecordForm.RowPrefix("sources", form.Rows("sources")) + "title", "A new source")), "alice");

        Assert.True(result.Problems.Count == 0, string.Join("; ", result.Problems));
        var after = (await test.Store.GetAsync(Id))!;
        Assert.Equal(["Anwar R.", "A. Raslan"], after.Accused.Aliases);
        Assert.Equal(["SY", "DE"], after.Accused.Nationalities);
        Assert.Equal(12.5, after.Sentence!.Years);
        Assert.True(after.Victims!.CivilParties);
        Assert.Equal("acquitted", after.Charges[0].Stage);
        Assert.Equal("https://example.org/new-source", after.Sources[^1].Url);
        Assert.Equal(before.Updated, after.Updated);
        var revision = Assert.Single(await test.Store.HistoryAsync(Id));
        Assert.Equal(("alice", RevisionActions.Edit), (revision.Author, revision.Action));
        Assert.Equal(CaseJson.Serialize(before), revision.PreviousJson);
        Assert.Equal(CaseJson.Serialize(after), revision.RecordJson);

        var again = await LoadAsync();
        Assert.Empty((await UseCase.RunAsync(Id, again with { Checked = true }, "alice")).Problems);
        Assert.Equal("2026-11-29", (await test.Store.GetAsync(Id))!.Updated.ToString());
    }

    [Fact]
    public async Task Rows_left_blank_or_marked_for_removal_are_dropped_and_the_rest_numbered_again()
    {
        var form = await LoadAsync();
        var events = form.Rows("events");

        var posted = Posted(form, ("events[0].remove", "yes"), ($"events[{events + 5}].date", "2026-11-01"), ($"events[{events + 5}].type", "other"), ($"events[{events + 9}].description", "   "));

        Assert.Equal(events, posted.Rows("events"));
        Assert.Equal(form.Value("events[1].date"), posted.Value("events[0].date"));
        Assert.Equal("2026-11-01", posted.Value($"events[{events - 1}].date"));
    }

    [Fact]
    public async Task Each_problem_is_given_beside_the_field_it_belongs_to()
    {
        var form = await LoadAsync();

        var result = await UseCase.RunAsync(Id, Posted(form,
            ("sentence.years", "twelve"),
            ("accused.nationalities", "SY XX"),
            ("charges[1].crime", ""),
            ("events[0].date", "2026-13-45"),
            ("reparation.amount", "100")), "alice");

        Assert.Null(result.Saved);
        Assert.Contains("sentence.years", result.Problems.Keys);
        Assert.Contains("accused.nationalities", result.Problems.Keys);
        Assert.Contains("charges[1].crime", result.Problems.Keys);
        Assert.Contains("events[0].date", result.Problems.Keys);
        Assert.Contains("reparation.currency", result.Problems.Keys);
        Assert.Empty(await test.Store.HistoryAsync(Id));
        Assert.Equal(form.BaseJson, CaseJson.Serialize((await test.Store.GetAsync(Id))!));
    }

    [Fact]
    public async Task A_record_without_charges_is_refused_with_the_problem_on_the_list_of_charges()
    {
        var form = await LoadAsync();
        var removals = Enumerable.Range(0, form.Rows("charges")).Select(i => ($"charges[{i}].remove", "yes")).ToArray();

        var result = await UseCase.RunAsync(Id, Posted(form, removals), "alice");

        Assert.Contains("charges", result.Problems.Keys);
    }

    [Fact]
    public async Task A_new_record_is_created_with_its_revision_once_it_is_checked_and_its_id_is_free()
    {
        var form = Posted(new RecordForm(),
            ("id", "new-record-test"), ("title", "A new proceeding"), ("publication", "published"), ("summary", "What the case is about."),
            ("accused.type", "person"), ("accused.name", "Jane Example"), ("forum.country", "de"), ("stage", "investigation"),
            ("charges[0].crime", "war_crimes"), ("charges[0].stage", "alleged"), ("sources[0].url", "https://example.org/a"), ("sources[0].title", "A source"));

        var notChecked = await UseCase.RunAsync(null, form, "alice");
        Assert.Equal([EditRecord.CheckedField], notChecked.Problems.Keys);

        var created = await UseCase.RunAsync(null, form with { Checked = true }, "alice");
        Assert.Empty(created.Problems);
        var record = (await test.Store.GetAsync("new-record-test"))!;
        Assert.Equal(("DE", "2026-11-29"), (record.Forum.Country, record.Updated.ToString()));
        var revision = Assert.Single(await test.Store.HistoryAsync("new-record-test"));
        Assert.Equal((RevisionActions.Create, (string?)null), (revision.Action, revision.PreviousJson));

        var again = await UseCase.RunAsync(null, form with { Checked = true }, "bob");
        Assert.Contains("id", again.Problems.Keys);
        Assert.Single(await test.Store.HistoryAsync("new-record-test"));
    }

    [Fact]
    public async Task An_edit_cannot_change_the_id_of_the_record()
    {
        var form = await LoadAsync();

        await UseCase.RunAsync(Id, Posted(form, ("id", "another-id"), ("title", "Renamed")), "alice");

        Assert.Equal("Renamed", (await test.Store.GetAsync(Id))!.Title);
        Assert.Null(await test.Store.GetAsync("another-id"));
    }

    [Fact]
    public async Task A_save_overtaken_by_another_edit_is_refused_and_merges_both_changes_marking_the_fields_both_changed()
    {
        var form = await LoadAsync();
        var other = await UseCase.RunAsync(Id, Posted(form, ("accused.position", "Their position"), ("forum.city", "Their city")), "bob");
        Assert.NotNull(other.Saved);

        var mine = await UseCase.RunAsync(Id, Posted(form, ("summary", "My summary."), ("forum.city", "My city")), "alice");

        Assert.Null(mine.Saved);
        Assert.Equal(EditConflict.Message, mine.Problems[string.Empty]);
        Assert.Equal("Their position", mine.Form.Value("accused.position"));
        Assert.Equal("My summary.", mine.Form.Value("summary"));
        Assert.Equal("My city", mine.Form.Value("forum.city"));
        Assert.Equal(new Dictionary<string, string> { ["forum.city"] = "Their city" }, mine.Clashes);
        Assert.Contains(mine.TheirChanges!, c => c.Field == "accused.position");
        Assert.Contains(mine.YourChanges!, c => c.Field == "summary");
        Assert.Equal("Their position", (await test.Store.GetAsync(Id))!.Accused.Position);

        var saved = await UseCase.RunAsync(Id, mine.Form, "alice");

        Assert.NotNull(saved.Saved);
        var record = (await test.Store.GetAsync(Id))!;
        Assert.Equal(("Their position", "My summary.", "My city"), (record.Accused.Position, record.Summary, record.Forum.City));
    }

    [Fact]
    public async Task Two_editors_who_each_add_an_event_keep_both_after_the_conflict()
    {
        var form = await LoadAsync();
        var next = form.Rows("events");
        var first = await UseCase.RunAsync(Id, Posted(form, ($"events[{next}].date", "2026-11-01"), ($"events[{next}].type", "other"), ($"events[{next}].description", "The first editor's event")), "alice");
        Assert.NotNull(first.Saved);

        var second = await UseCase.RunAsync(Id, Posted(form, ($"events[{next}].date", "2026-11-02"), ($"events[{next}].type", "other"), ($"events[{next}].description", "The second editor's event")), "bob");
        Assert.Null(second.Saved);
        Assert.Empty(second.Clashes);
        var saved = await UseCase.RunAsync(Id, second.Form, "bob");

        Assert.NotNull(saved.Saved);
        var descriptions = (await test.Store.GetAsync(Id))!.Events.Select(e => e.Description).ToList();
        Assert.Contains("The first editor's event", descriptions);
        Assert.Contains("The second editor's event", descriptions);
        Assert.Equal(form.Rows("events") + 2, descriptions.Count);
    }

    [Fact]
    public async Task A_row_one_editor_removed_while_the_other_changed_it_is_named_as_a_clash_and_the_changed_row_kept()
    {
        var form = await LoadAsync();
        Assert.NotNull((await UseCase.RunAsync(Id, Posted(form, ("events[0].description", "Changed by the first editor")), "alice")).Saved);

        var second = await UseCase.RunAsync(Id, Posted(form, ("events[0].remove", "yes")), "bob");

        Assert.Contains("events", second.Clashes.Keys);
        Assert.Equal(form.Rows("events"), second.Form.Rows("events"));
        Assert.Contains(Enumerable.Range(0, second.Form.Rows("events")), i => second.Form.Value($"events[{i}].description") == "Changed by the first editor");
    }

    [Fact]
    public async Task A_save_that_changes_nothing_writes_nothing()
    {
        var form = await LoadAsync();

        var result = await UseCase.RunAsync(Id, Posted(form), "alice");

        Assert.True(result.Unchanged);
        Assert.Empty(await test.Store.HistoryAsync(Id));
        Assert.Equal(form.Version, (await test.Store.GetVersionedAsync([Id])).Single().Version);
    }

    [Fact]
    public async Task A_conflict_without_the_record_the_editor_opened_is_refused_rather_than_merged_blind()
    {
        var form = await LoadAsync();
        Assert.NotNull((await UseCase.RunAsync(Id, Posted(form, ("forum.city", "Changed meanwhile")), "alice")).Saved);

        var blind = await UseCase.RunAsync(Id, Posted(form, ("summary", "Mine.")) with { BaseJson = null }, "bob");

        Assert.Null(blind.Saved);
        Assert.Contains("cannot be merged", blind.Problems[string.Empty], StringComparison.Ordinal);
        Assert.Equal(form.Version, blind.Form.Version);
        Assert.Equal("Changed meanwhile", (await test.Store.GetAsync(Id))!.Forum.City);
    }

    [Fact]
    public async Task A_draft_checked_on_one_day_and_published_later_keeps_the_day_of_the_check()
    {
        var form = await LoadAsync();

        await UseCase.RunAsync(Id, Posted(form, ("forum.city", "Checked earlier")) with { Checked = true, CheckedOn = PartialDate.Parse("2026-11-20") }, "alice");

        Assert.Equal("2026-11-20", (await test.Store.GetAsync(Id))!.Updated.ToString());
    }

    [Fact]
    public void A_form_with_more_rows_than_any_record_could_have_is_refused()
    {
        var posted = Enumerable.Range(0, RecordFields.MaxRows + 1).Select(i => KeyValuePair.Create($"events[{i}].type", (IReadOnlyList<string>)["other"]));

        Assert.Null(RecordForm.FromPosted(posted, 1, null, false, out var problem));
        Assert.Contains("at most", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Posted_names_that_are_not_fields_of_the_form_are_left_out()
    {
        var posted = new[] { "__RequestVerificationToken", "updated", "charges[0].nonsense", "nowhere[0].crime", "charges[99999999999].crime", "accused" }
            .Select(n => KeyValuePair.Create(n, (IReadOnlyList<string>)["x"]));

        var form = RecordForm.FromPosted(posted, 1, null, false, out _)!;

        Assert.Empty(form.Values);
    }

    [Fact]
    public void A_problem_path_names_its_field_its_list_or_the_record()
    {
        Assert.Equal("accused.aliases", EditRecord.FieldOf("accused.aliases[2]"));
        Assert.Equal("charges[1].topics", EditRecord.FieldOf("charges[1].topics[0]"));
        Assert.Equal("events[3].date", EditRecord.FieldOf("events[3].date"));
        Assert.Equal("sources", EditRecord.FieldOf("sources"));
        Assert.Equal(EditRecord.CheckedField, EditRecord.FieldOf("updated"));
        Assert.Equal(string.Empty, EditRecord.FieldOf("crime_period"));
    }

    [Fact]
    public void A_field_is_described_by_its_label_and_a_rows_field_by_its_row_and_label()
    {
        Assert.Equal("Years", RecordFields.Describe("sentence.years"));
        Assert.Equal("Charge 2: Crime", RecordFields.Describe("charges[1].crime"));
        Assert.Equal("Events", RecordFields.Describe("events"));
        Assert.Equal("charges[x].crime", RecordFields.Describe("charges[x].crime"));
    }
}
