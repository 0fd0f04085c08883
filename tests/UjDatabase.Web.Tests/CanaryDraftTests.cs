using System.Net;
using Microsoft.Extensions.DependencyInjection;
using UjDatabase.Core.Editing;

namespace UjDatabase.Web.Tests;

/// <summary>
/// Canaries: a development, a new record and an edit of a published record saved as drafts, and an import of a record
/// uploaded and never confirmed, all with unique words and values. No anonymous answer of any route may hold any of
/// them; an editor sees the drafts.
/// </summary>
public sealed class CanaryDraftTests(EditorsAppFactory factory) : IClassFixture<EditorsAppFactory>
{
    private const string Word = "Xylocanary7781";
    private const string Url = "https://canary.example/xylo-7781";
    private const string Title = "Canarytitle5522 report";
    private const string Case = "raslan-koblenz";

    private const string NewRecord = "canary-xylo-7781-record";

    private static readonly string[] Canaries = [Word, Url, "xylo-7781", Title, "Canarytitle5522", "1987-06", NewRecord, "Canaryname3391"];

    public static TheoryData<string> AnonymousRoutes => new()
    {
        "/", "/search", "/search?q=raslan", "/api/cases", "/api/cases/" + Case,
        "/cases/" + Case, "/cases/" + Case + "/history", "/cases/" + Case + "/cite.bib", "/cases/" + Case + "/cite.json",
        "/api/cases/export?format=csv", "/api/cases/export?format=json", "/api/cases/export?format=jsonl",
        "/api/stats?by=forum", "/api/stats?by=year&measure=developments",
        "/api/stats/chart.svg?by=year", "/stats", "/stats?by=year", "/stats/review?year=2020", "/stats/review?year=2026",
        "/feeds/cases.atom", "/map", "/countries/DE", "/countries/SY", "/countries",
        "/situations/syria-2011", "/groups/al-khatib-koblenz", "/health", "/openapi/v1.json", "/search?from=1987&to=1987",
    };

    private async Task<long> SaveCanaryDraftAsync()
    {
        var client = await factory.SignedInAsync("canary-editor");
        var form = await client.GetStringAsync($"/admin/cases/{Case}/development");
        var saved = await client.PostAsync($"/admin/cases/{Case}/development?handler=Draft", new FormUrlEncodedContent(
        [
            KeyValuePair.Create("Input.Date", "1987-06"),
            KeyValuePair.Create("Input.Type", "arrest"),
            KeyValuePair.Create("Input.Description", Word + " was arrested, says the draft"),
            KeyValuePair.Create("Input.SourceUrl", Url),
            KeyValuePair.Create("Input.SourceTitle", Title),
            KeyValuePair.Create("Input.Checked", "true"),
            KeyValuePair.Create("Input.Version", "1"),
            KeyValuePair.Create("__RequestVerificationToken", AntiForgery.Token(form)),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var draftId = long.Parse(saved.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(Word, await client.GetStringAsync($"/admin/drafts/{draftId}"), StringComparison.Ordinal);
        Assert.Contains($"Draft {draftId}", await client.GetStringAsync("/admin"), StringComparison.Ordinal);

        // A new record and the next version of a published one, each kept as a draft.
        var newForm = await client.GetStringAsync("/admin/cases/new");
        var newDraft = await client.PostAsync("/admin/cases/new?handler=Draft", new FormUrlEncodedContent(
        [
            KeyValuePair.Create("id", NewRecord),
            KeyValuePair.Create("title", Title + " trial"),
            KeyValuePair.Create("publication", "published"),
            KeyValuePair.Create("summary", Word + " is accused, says the draft"),
            KeyValuePair.Create("accused.type", "person"),
            KeyValuePair.Create("accused.name", "Canaryname3391 Example"),
            KeyValuePair.Create("forum.country", "DE"),
            KeyValuePair.Create("stage", "trial"),
            KeyValuePair.Create("charges[0].crime", "torture"),
            KeyValuePair.Create("charges[0].stage", "charged"),
            KeyValuePair.Create("events[0].date", "1987-06"),
            KeyValuePair.Create("events[0].type", "indictment"),
            KeyValuePair.Create("sources[0].url", Url),
            KeyValuePair.Create("sources[0].title", Title),
            KeyValuePair.Create("Checked", "true"),
            KeyValuePair.Create("__RequestVerificationToken", AntiForgery.Token(newForm)),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, newDraft.StatusCode);
        var editForm = await client.GetStringAsync($"/admin/cases/{Case}/edit");
        var editDraft = await client.PostAsync($"/admin/cases/{Case}/edit?handler=Draft", new FormUrlEncodedContent(
        [
            KeyValuePair.Create("title", Title + " (edited)"),
            KeyValuePair.Create("summary", Word + " was added to the summary by the draft"),
            KeyValuePair.Create("accused.aliases", "Canaryname3391"),
            KeyValuePair.Create("Version", "1"),
            KeyValuePair.Create("__RequestVerificationToken", AntiForgery.Token(editForm)),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, editDraft.StatusCode);
        var admin = await client.GetStringAsync("/admin");
        Assert.Contains("a new record, " + NewRecord, admin, StringComparison.Ordinal);
        Assert.Contains("an edit of " + Case, admin, StringComparison.Ordinal);
        await UploadCanaryFileAsync(client);
        return draftId;
    }

    /// <summary>An import uploaded but not confirmed, of a record made of the canary's words: it waits on the server and is public nowhere.</summary>
    private static async Task UploadCanaryFileAsync(HttpClient client)
    {
        var record = UjDatabase.Tests.SampleCases.Valid("xylo-7781") with
        {
            Summary = Word + " uploaded, never confirmed.",
            Sources = [new UjDatabase.Core.Cases.Source { Url = Url, Title = Title }],
        };
        var form = new MultipartFormDataContent
        {
            { new StringContent(AntiForgery.Token(await client.GetStringAsync("/admin/import"))), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(UjDatabase.Core.Interchange.CaseJson.Serialize(record) + "\n")), "file", Word + ".jsonl" },
        };
        var uploaded = await client.PostAsync("/admin/import", form);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var report = await client.GetStringAsync(uploaded.Headers.Location!.OriginalString);
        Assert.Contains("New records</th><td>1<", report, StringComparison.Ordinal);
        Assert.Contains(Word, report, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AnonymousRoutes))]
    public async Task The_canary_draft_is_in_no_anonymous_answer(string route)
    {
        var drafts = factory.Services.GetRequiredService<IDraftStore>();
        if ((await drafts.DraftsAsync()).Count == 0)
        {
            await SaveCanaryDraftAsync();
        }

        // Give the index sync its time, so that a draft that leaked into the outbox would have reached the index.
        await Task.Delay(600);
        var response = await factory.CreateClient().GetAsync(route);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode is HttpStatusCode.OK, $"{route}: {response.StatusCode}");
        Assert.All(Canaries, canary => Assert.DoesNotContain(canary, body, StringComparison.OrdinalIgnoreCase));
        Assert.All(response.Headers.SelectMany(h => h.Value), value => Assert.DoesNotContain(Word, value, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("/cases/" + NewRecord)]
    [InlineData("/cases/" + NewRecord + "/history")]
    [InlineData("/cases/" + NewRecord + "/cite.bib")]
    [InlineData("/api/cases/" + NewRecord)]
    public async Task The_canary_new_record_has_no_public_page(string route)
    {
        var drafts = factory.Services.GetRequiredService<IDraftStore>();
        if ((await drafts.DraftsAsync()).Count == 0)
        {
            await SaveCanaryDraftAsync();
        }

        var response = await factory.CreateClient().GetAsync(route);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.All(Canaries.Where(c => c != NewRecord && c != "xylo-7781"), canary => Assert.DoesNotContain(canary, body, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("/api/cases?q=" + Word, "\"total\":0,")]
    [InlineData("/api/cases?q=%22" + Word + "%22", "\"total\":0,")]
    [InlineData("/search?q=" + Word, "No records match")]
    public async Task Searching_for_the_canarys_words_finds_nothing(string route, string nothing)
    {
        var drafts = factory.Services.GetRequiredService<IDraftStore>();
        if ((await drafts.DraftsAsync()).Count == 0)
        {
            await SaveCanaryDraftAsync();
        }

        await Task.Delay(600);
        var body = await factory.CreateClient().GetStringAsync(route);

        Assert.Contains(nothing, body, StringComparison.Ordinal);
        Assert.DoesNotContain(Url, body, StringComparison.Ordinal);
        Assert.DoesNotContain(Title, body, StringComparison.Ordinal);
    }

}
