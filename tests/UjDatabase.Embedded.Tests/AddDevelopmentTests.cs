using UjDatabase.Core.Editing;
using UjDatabase.Core.Interchange;
using UjDatabase.Tests;

namespace UjDatabase.Embedded.Tests;

/// <summary>Adding a development to a case, on the embedded store with the seed data.</summary>
public sealed class AddDevelopmentTests : IDisposable
{
    private const string Id = "raslan-koblenz";

    private readonly TestStore test = new();
    private readonly FixedClock clock = new(new DateTimeOffset(2026, 11, 29, 9, 30, 0, TimeSpan.Zero));

    public AddDevelopmentTests()
    {
        var records = TestFiles.SeedFiles.SelectMany(CaseFileReader.ReadFile).Select(i => CaseDecoder.Decode(i.Json!.Value, i.Line).Record!).ToList();
        test.Store.UpsertAsync(records).GetAwaiter().GetResult();
    }

    public void Dispose() => test.Dispose();

    private AddDevelopment UseCase => new(test.Store, test.Store, clock);

    private async Task<DevelopmentForm> FormAsync(Func<DevelopmentForm, DevelopmentForm>? change = null)
    {
        var loaded = (await test.Store.GetVersionedAsync([Id])).Single();
        var form = new DevelopmentForm
        {
            Date = "2026-11-20",
            Type = "other",
            Description = "A hearing on the retrial request",
            SourceUrl = "https://example.org/hearing-2026",
            SourceTitle = "Hearing report",
            SourcePublisher = "Example Trial Monitor",
            SourceDate = "2026-11-21",
            Checked = true,
            Version = loaded.Version,
            BaseJson = CaseJson.Serialize(loaded.Record),
        };
        return change is null ? form : change(form);
    }

    [Fact]
    public async Task A_development_adds_its_event_and_source_in_date_order_marks_the_record_checked_today_and_keeps_a_revision()
    {
        var result = await UseCase.RunAsync(Id, await FormAsync(), "alice");

        Assert.Empty(result.Problems);
        Assert.NotNull(result.Saved);
        var record = (await test.Store.GetAsync(Id))!;
        Assert.Equal("other", record.Events[^1].Type);
        Assert.Equal("2026-11-20", record.Events[^1].Date.ToString());
        Assert.Equal("https://example.org/hearing-2026", record.Sources[^1].Url);
        Assert.Equal("2026-11-29", record.Updated.ToString());
        var revision = Assert.Single(await test.Store.HistoryAsync(Id));
        Assert.Equal(("alice", RevisionActions.Development, clock.GetUtcNow()), (revision.Author, revision.Action, revision.At));
        Assert.Contains(test.Store.ReadOutbox(), o => o.CaseId == Id && !o.Processed);
    }

    [Fact]
    public async Task Saving_without_checking_keeps_the_last_checked_date()
    {
        var before = (await test.Store.GetAsync(Id))!.Updated;

        await UseCase.RunAsync(Id, await FormAsync(f => f with { Checked = false }), "alice");

        Assert.Equal(before, (await test.Store.GetAsync(Id))!.Updated);
    }

    [Fact]
    public async Task A_development_changes_the_stages_it_names_and_no_others()
    {
        var result = await UseCase.RunAsync(Id, await FormAsync(f => f with { Type = "verdict_appeal", Outcome = "acquitted", ChargeStages = new Dictionary<int, string> { [1] = "acquitted" }, Verdict = "partially_convicted" }), "alice");

        Assert.Empty(result.Problems);
        var record = (await test.Store.GetAsync(Id))!;
        Assert.Equal(["convicted", "acquitted"], record.Charges.Select(c => c.Stage));
        Assert.Equal("partially_convicted", record.Verdict);
    }

    [Theory]
    [InlineData("date", "20 November", null, null, "must be a date of the form YYYY, YYYY-MM or YYYY-MM-DD")]
    [InlineData("date", "", null, null, "is required")]
    [InlineData("type", null, "tea_party", null, "is not a events[].type code")]
    [InlineData("outcome", null, "other", "convicted", "only allowed on verdict events")]
    [InlineData("source_url", null, null, "skip-url", "is required")]
    public async Task A_bad_development_is_refused_with_its_problem_beside_the_field_and_nothing_is_written(string field, string? date, string? type, string? outcome, string message)
    {
        var form = await FormAsync(f => f with
        {
            Date = date ?? f.Date,
            Type = type ?? f.Type,
            Outcome = outcome is "skip-url" ? null : outcome,
            SourceUrl = outcome is "skip-url" ? " " : f.SourceUrl,
        });

        var result = await UseCase.RunAsync(Id, form, "alice");

        Assert.Null(result.Saved);
        Assert.Contains(message, result.Problems[field], StringComparison.Ordinal);
        Assert.Empty(await test.Store.HistoryAsync(Id));
    }

    [Fact]
    public async Task The_second_of_two_editors_is_refused_shown_both_changes_and_loses_nothing_when_saving_again()
    {
        var alices = await FormAsync();
        var bobs = await FormAsync(f => f with { Date = "2026-11-25", Type = "arrest", Description = "Another development", SourceUrl = "https://example.org/other" });
        Assert.NotNull((await UseCase.RunAsync(Id, alices, "alice")).Saved);

        var refused = await UseCase.RunAsync(Id, bobs, "bob");

        Assert.Null(refused.Saved);
        Assert.Contains("Someone else changed this record", refused.Problems[string.Empty], StringComparison.Ordinal);
        Assert.Contains(refused.TheirChanges!, c => c.Field == "events" && c.After!.Contains("A hearing on the retrial request", StringComparison.Ordinal));
        var yours = Assert.Single(refused.YourChanges!, c => c.Field == "events");
        Assert.Contains("Another development", Assert.Single(yours.Added), StringComparison.Ordinal);
        Assert.Single(await test.Store.HistoryAsync(Id));

        var again = await UseCase.RunAsync(Id, bobs with { Version = refused.Current!.Version, BaseJson = CaseJson.Serialize(refused.Current.Record) }, "bob");

        Assert.NotNull(again.Saved);
        var events = (await test.Store.GetAsync(Id))!.Events;
        Assert.Contains(events, e => e.Description == "A hearing on the retrial request");
        Assert.Contains(events, e => e.Description == "Another development");
    }

    [Fact]
    public async Task A_stage_for_a_charge_the_record_does_not_have_is_refused_for_the_whole_form()
    {
        var result = await UseCase.RunAsync(Id, await FormAsync(f => f with { ChargeStages = new Dictionary<int, string> { [99] = "convicted" } }), "alice");

        Assert.Null(result.Saved);
        Assert.Contains("charge 99", result.Problems[string.Empty], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_development_of_a_record_that_does_not_exist_is_not_found()
    {
        var result = await UseCase.RunAsync("no-such-record", await FormAsync(), "alice");

        Assert.True(result.NotFound);
    }
}
