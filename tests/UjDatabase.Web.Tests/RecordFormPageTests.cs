using System.Net;
using Microsoft.Extensions.DependencyInjection;
using UjDatabase.Core.Accounts;
using UjDatabase.Core.Editing;
using UjDatabase.Core.Storage;

namespace UjDatabase.Web.Tests;

/// <summary>The record form on the web: new records, edits of every field, drafts of both, conflicts, and forged or hostile posts.</summary>
public sealed class RecordFormPageTests(EditorsAppFactory factory) : IClassFixture<EditorsAppFactory>
{
    private ICaseStore Store => factory.Services.GetRequiredService<ICaseStore>();

    private Task<HttpClient> EditorAsync(string name) => factory.SignedInAsync(name);

    /// <summary>Opens a form page and posts it back as a browser would, with some fields changed.</summary>
    private static async Task<(HttpResponseMessage Response, string Body)> SubmitAsync(HttpClient client, string page, string? handler, params (string Name, string Value)[] changes)
    {
        var html = await client.GetStringAsync(page);
        var fields = HtmlForm.Fields(html).With(changes).With(("__RequestVerificationToken", AntiForgery.Token(html)));
        var address = HtmlForm.Action(html, page, handler);
        var response = await client.PostAsync(address, new FormUrlEncodedContent(fields));
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_edit_form_posted_back_unchanged_saves_the_record_unchanged()
    {
        var editor = await EditorAsync("editor-unchanged");
        var before = Core.Interchange.CaseJson.Serialize((await Store.GetAsync("habre-dakar"))!);

        var (response, body) = await SubmitAsync(editor, "/admin/cases/habre-dakar/edit", null);

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, body);
        Assert.Equal(before, Core.Interchange.CaseJson.Serialize((await Store.GetAsync("habre-dakar"))!));
    }

    [Fact]
    public async Task Every_seed_records_edit_form_posted_back_untouched_writes_nothing()
    {
        var editor = await EditorAsync("editor-untouched-all");
        var editorStore = factory.Services.GetRequiredService<IRecordEditor>();
        var ids = new List<string>();
        await foreach (var stored in factory.Services.GetRequiredService<IIndexSource>().StreamVersionedAsync())
        {
            ids.Add(stored.Record.Id);
        }

        Assert.True(ids.Count > 300);
        foreach (var id in ids)
        {
            var before = (await factory.Services.GetRequiredService<IIndexSource>().GetVersionedAsync([id])).Single();
            var history = (await editorStore.HistoryAsync(id)).Count;

            var (response, body) = await SubmitAsync(editor, $"/admin/cases/{id}/edit", null);

            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{id}: {body}");
            Assert.Equal(before.Version, (await factory.Services.GetRequiredService<IIndexSource>().GetVersionedAsync([id])).Single().Version);
            Assert.Equal(history, (await editorStore.HistoryAsync(id)).Count);
        }
    }

    [Fact]
    public async Task Readers_history_never_shows_what_a_record_held_before_it_was_first_published()
    {
        var editor = await EditorAsync("editor-unpublished-first");
        var (created, body) = await SubmitAsync(editor, "/admin/cases/new", null,
            ("id", "unpublished-first"), ("title", "Prepared trial"), ("publication", "draft"), ("summary", "Being prepared."),
            ("accused.name", "Zorblaxname Secret"), ("forum.country", "DE"), ("stage", "investigation"),
            ("charges[0].crime", "torture"), ("charges[0].stage", "alleged"),
            ("sources[0].url", "https://example.org/prepared"), ("sources[0].title", "A source"), ("Checked", "true"));
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, body);

        var (published, _) = await SubmitAsync(editor, "/admin/cases/unpublished-first/edit", null, ("accused.name", "Anonymised P."), ("publication", "published"));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var reader = factory.CreateClient();
        foreach (var page in new[] { "/cases/unpublished-first", "/cases/unpublished-first/history", "/fr/cases/unpublished-first/history" })
        {
            var html = await reader.GetStringAsync(page);
            Assert.Contains("Anonymised P.", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Zorblaxname", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_drafts_problems_are_named_by_their_fields_labels()
    {
        var editor = await EditorAsync("editor-draft-labels");
        var (saved, _) = await SubmitAsync(editor, "/admin/cases/raslan-koblenz/edit", "Draft", ("charges[0].stage", "sentenced-twice"));

        var review = await editor.GetStringAsync(saved.Headers.Location!.OriginalString);

        Assert.Contains("Charge 1: Stage", review, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edit_posted_from_the_form_changes_the_fields_it_names_and_readers_see_it()
    {
        var editor = await EditorAsync("editor-edits");

        var (response, body) = await SubmitAsync(editor, "/admin/cases/barahira-paris/edit", null,
            ("accused.aliases", "An alias from the form"), ("forum.city", "Paris (edited)"), ("Checked", "true"));

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, body);
        Assert.StartsWith("/admin/cases/barahira-paris/history#revision-", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var record = (await Store.GetAsync("barahira-paris"))!;
        Assert.Equal(["An alias from the form"], record.Accused.Aliases);
        Assert.Equal("Paris (edited)", record.Forum.City);
        Assert.Contains("Paris (edited)", await factory.CreateClient().GetStringAsync("/cases/barahira-paris"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_field_called_id_in_the_post_does_not_turn_an_edit_into_an_edit_of_another_record()
    {
        var editor = await EditorAsync("editor-forged-id");
        var other = Core.Interchange.CaseJson.Serialize((await Store.GetAsync("raslan-koblenz"))!);

        var (response, _) = await SubmitAsync(editor, "/admin/cases/al-gharib-koblenz/edit", null, ("id", "raslan-koblenz"), ("forum.city", "Koblenz (edited)"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Koblenz (edited)", (await Store.GetAsync("al-gharib-koblenz"))!.Forum.City);
        Assert.Equal(other, Core.Interchange.CaseJson.Serialize((await Store.GetAsync("raslan-koblenz"))!));
    }

    [Fact]
    public async Task A_form_with_problems_saves_nothing_and_gives_each_message_beside_its_field_with_the_entries_kept()
    {
        var editor = await EditorAsync("editor-problems");
        var before = Core.Interchange.CaseJson.Serialize((await Store.GetAsync("habre-dakar"))!);

        var (response, body) = await SubmitAsync(editor, "/admin/cases/habre-dakar/edit", null, ("sentence.years", "twelve <b>years</b>"), ("accused.nationalities", "TD, QQ"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("id=\"f-sentence-years-problem\"", body, StringComparison.Ordinal);
        Assert.Contains("id=\"f-accused-nationalities-problem\"", body, StringComparison.Ordinal);
        Assert.Contains("value=\"twelve &lt;b&gt;years&lt;/b&gt;\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>years</b>", body, StringComparison.Ordinal);
        Assert.Equal(before, Core.Interchange.CaseJson.Serialize((await Store.GetAsync("habre-dakar"))!));
    }

    [Fact]
    public async Task A_new_record_entered_in_the_form_is_created_public_and_found_by_search()
    {
        var editor = await EditorAsync("editor-creates");

        var (response, body) = await SubmitAsync(editor, "/admin/cases/new", null,
            ("id", "form-created-record"), ("title", "Formcreated trial"), ("summary", "A record made in the form."),
            ("accused.name", "Formcreated Person"), ("forum.country", "DE"), ("stage", "investigation"),
            ("charges[0].crime", "torture"), ("charges[0].stage", "alleged"),
            ("sources[0].url", "https://example.org/formcreated"), ("sources[0].title", "A source"), ("Checked", "true"));

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, body);
        Assert.Equal("/admin/cases/form-created-record/history#revision-1", response.Headers.Location!.OriginalString);
        var reader = factory.CreateClient();
        Assert.Contains("Formcreated Person", await reader.GetStringAsync("/cases/form-created-record"), StringComparison.Ordinal);
        await Eventually(async () => (await reader.GetStringAsync("/api/cases?q=Formcreated")).Contains("form-created-record", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_new_record_with_an_id_already_taken_is_refused_and_the_stored_record_is_untouched()
    {
        var editor = await EditorAsync("editor-taken");
        var before = Core.Interchange.CaseJson.Serialize((await Store.GetAsync("habre-dakar"))!);

        var (response, body) = await SubmitAsync(editor, "/admin/cases/new", null,
            ("id", "habre-dakar"), ("title", "Another"), ("accused.name", "Someone"), ("forum.country", "SN"), ("stage", "trial"),
            ("charges[0].crime", "torture"), ("charges[0].stage", "charged"), ("summary", "x"), ("sources[0].url", "https://example.org/x"), ("sources[0].title", "x"), ("Checked", "true"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("id=\"f-id-problem\"", body, StringComparison.Ordinal);
        Assert.Equal(before, Core.Interchange.CaseJson.Serialize((await Store.GetAsync("habre-dakar"))!));
    }

    [Fact]
    public async Task A_draft_of_an_edit_leaves_the_record_as_it_is_until_it_is_published()
    {
        var editor = await EditorAsync("editor-drafts");
        var before = Core.Interchange.CaseJson.Serialize((await Store.GetAsync("bucyibaruta-paris"))!);

        var (saved, _) = await SubmitAsync(editor, "/admin/cases/bucyibaruta-paris/edit", "Draft", ("forum.city", "Draftcity"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(before, Core.Interchange.CaseJson.Serialize((await Store.GetAsync("bucyibaruta-paris"))!));
        var draftPage = saved.Headers.Location!.OriginalString;
        var review = await editor.GetStringAsync(draftPage);
        Assert.Contains("an edit of", review, StringComparison.Ordinal);
        Assert.Contains("Draftcity", review, StringComparison.Ordinal);

        var published = await editor.PostAsync(draftPage + "?handler=Publish", new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", AntiForgery.Token(review))]));

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal("Draftcity", (await Store.GetAsync("bucyibaruta-paris"))!.Forum.City);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync(draftPage)).StatusCode);
    }

    [Fact]
    public async Task A_draft_started_before_another_change_is_not_published_over_it_but_merged_in_the_form()
    {
        var editor = await EditorAsync("editor-stale-draft");
        var (saved, _) = await SubmitAsync(editor, "/admin/cases/dabira-paris/edit", "Draft", ("forum.city", "Staledraftcity"));
        var draftPage = saved.Headers.Location!.OriginalString;
        var (other, _) = await SubmitAsync(editor, "/admin/cases/dabira-paris/edit", null, ("accused.position", "Changed meanwhile"));
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);

        var review = await editor.GetStringAsync(draftPage);
        var publish = await editor.PostAsync(draftPage + "?handler=Publish", new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", AntiForgery.Token(review))]));

        Assert.Equal(HttpStatusCode.Conflict, publish.StatusCode);
        Assert.NotEqual("Staledraftcity", (await Store.GetAsync("dabira-paris"))!.Forum.City);
        var draftId = draftPage.Split('/')[^1];
        var (merged, body) = await SubmitAsync(editor, $"/admin/cases/dabira-paris/edit?draft={draftId}", null);
        Assert.True(merged.StatusCode == HttpStatusCode.Redirect, body);
        var record = (await Store.GetAsync("dabira-paris"))!;
        Assert.Equal(("Staledraftcity", "Changed meanwhile"), (record.Forum.City, record.Accused.Position));
    }

    [Fact]
    public async Task Asking_for_more_rows_without_javascript_shows_the_form_again_with_the_entries_and_empty_rows()
    {
        var editor = await EditorAsync("editor-more");

        var (response, body) = await SubmitAsync(editor, "/admin/cases/new", "More", ("More", "events"), ("title", "Kept title"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("value=\"Kept title\"", body, StringComparison.Ordinal);
        Assert.Contains("name=\"events[2].date\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"charges[1].crime\"", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin/cases/no-such-record/edit")]
    [InlineData("/admin/cases/NOT%20A%20SLUG/edit")]
    [InlineData("/admin/cases/new?draft=999999")]
    [InlineData("/admin/cases/new?draft=abc")]
    [InlineData("/admin/cases/new?draft=99999999999999999999")]
    [InlineData("/admin/cases/habre-dakar/edit?draft=-1")]
    public async Task An_address_naming_no_record_or_draft_is_not_found(string address)
    {
        var editor = await EditorAsync("editor-not-found");

        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync(address)).StatusCode);
    }

    [Fact]
    public async Task A_post_without_its_anti_forgery_token_is_refused_and_changes_nothing()
    {
        var editor = await EditorAsync("editor-forged");
        var html = await editor.GetStringAsync("/admin/cases/new");
        var fields = HtmlForm.Fields(html).With(("id", "forged-record"), ("__RequestVerificationToken", string.Empty));

        var response = await editor.PostAsync("/admin/cases/new", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await Store.GetAsync("forged-record"));
    }

    [Fact]
    public async Task A_post_with_more_rows_than_a_record_may_have_is_refused_with_a_message()
    {
        var editor = await EditorAsync("editor-rows");
        var html = await editor.GetStringAsync("/admin/cases/new");
        var rows = Enumerable.Range(0, RecordFields.MaxRows + 1).Select(i => KeyValuePair.Create($"events[{i}].type", "other"));

        var response = await editor.PostAsync("/admin/cases/new", new FormUrlEncodedContent([.. rows, KeyValuePair.Create("__RequestVerificationToken", AntiForgery.Token(html))]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 50 && !await condition(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(await condition());
    }
}
