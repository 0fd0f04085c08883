using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using UjDatabase.Core.Accounts;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Interchange;
using UjDatabase.Core.Storage;
using UjDatabase.Tests;

namespace UjDatabase.Web.Tests;

/// <summary>Import on the web: upload, report, confirmation; who may do it, and what nothing but a confirmation writes.</summary>
public sealed partial class WebImportTests(EditorsAppFactory factory) : IClassFixture<EditorsAppFactory>
{
    private ICaseStore Store => factory.Services.GetRequiredService<ICaseStore>();

    private string Uploads => Path.Combine(factory.DataDirectory, "uploads");

    private Task<HttpClient> SignedInAsync(string name) => factory.SignedInAsync(name);

    /// <summary>Posts a file as the upload form does; with <paramref name="token"/> false, without the anti-forgery token.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] content, bool token = true)
    {
        var form = new MultipartFormDataContent();
        if (token)
        {
            form.Add(new StringContent(AntiForgery.Token(await client.GetStringAsync("/admin/import"))), "__RequestVerificationToken");
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(file, "file", fileName);
        return await client.PostAsync("/admin/import", form);
    }

    /// <summary>Uploads a file and reads its report: the report's address, its page and the fingerprint a confirmation sends back.</summary>
    private static async Task<(string Url, string Html, string Reviewed)> ReviewAsync(HttpClient client, string fileName, string content)
    {
        var uploaded = await UploadAsync(client, fileName, Encoding.UTF8.GetBytes(content));
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var url = uploaded.Headers.Location!.OriginalString;
        var html = await client.GetStringAsync(url);
        return (url, html, Reviewed().Match(html).Groups[1].Value);
    }

    private static Task<HttpResponseMessage> ConfirmAsync(HttpClient client, string url, string html, string reviewed) =>
        client.PostAsync(url + "?handler=Confirm", new FormUrlEncodedContent([KeyValuePair.Create("reviewed", reviewed), KeyValuePair.Create("__RequestVerificationToken", AntiForgery.Token(html))]));

    private static string Lines(params CaseRecord[] records) => string.Concat(records.Select(r => CaseJson.Serialize(r) + "\n"));

    private async Task<CaseRecord> StoredAsync(string id) => (await Store.GetAsync(id))!;

    [Theory]
    [InlineData("/admin/import")]
    [InlineData("/admin/import/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public async Task An_anonymous_reader_and_a_signed_out_editor_are_sent_to_sign_in(string url)
    {
        var anonymous = await factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync(url);
        var editor = await SignedInAsync("import-leaver");
        var html = await editor.GetStringAsync("/admin");
        var signOut = await editor.PostAsync("/admin/sign-out", new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", AntiForgery.Token(html))]));
        var signedOut = await editor.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/admin/sign-in", anonymous.Headers.Location!.AbsolutePath);
        Assert.Equal("/admin/sign-in", signedOut.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task The_editors_area_links_to_the_import()
    {
        var editor = await SignedInAsync("import-linker");

        Assert.Contains("href=\"/admin/import\"", await editor.GetStringAsync("/admin"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_without_its_anti_forgery_token_is_refused_and_keeps_nothing()
    {
        var editor = await SignedInAsync("import-forger");
        var before = Directory.Exists(Uploads) ? Directory.GetFiles(Uploads).Length : 0;

        var response = await UploadAsync(editor, "forged.jsonl", Encoding.UTF8.GetBytes(Lines(SampleCases.Valid("forged-upload"))), token: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, Directory.Exists(Uploads) ? Directory.GetFiles(Uploads).Length : 0);
        Assert.Null(await Store.GetAsync("forged-upload"));
    }

    [Fact]
    public async Task A_confirmation_without_its_anti_forgery_token_is_refused_and_writes_nothing()
    {
        var editor = await SignedInAsync("import-forger-2");
        var (url, _, reviewed) = await ReviewAsync(editor, "ok.jsonl", Lines(SampleCases.Valid("forged-confirm")));

        var response = await editor.PostAsync(url + "?handler=Confirm", new FormUrlEncodedContent([KeyValuePair.Create("reviewed", reviewed)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await Store.GetAsync("forged-confirm"));
    }

    [Fact]
    public async Task An_invalid_file_shows_every_problem_as_ujdb_prints_it_and_writes_nothing()
    {
        var editor = await SignedInAsync("import-invalid");
        var bad = SampleCases.Valid("invalid-upload") with { Stage = "nowhere" };
        var count = await Store.CountAsync();

        var (url, html, reviewed) = await ReviewAsync(editor, "bad.jsonl", Lines(bad) + "{\"id\": \n");
        var problems = await editor.GetStringAsync(url + "?handler=Problems");

        Assert.Contains("2 problem(s) in 2 record(s).", html, StringComparison.Ordinal);
        Assert.Contains("is not a stage code", html, StringComparison.Ordinal);
        Assert.Contains("bad.jsonl: line 1: record 'invalid-upload': stage = nowhere: is not a stage code", problems, StringComparison.Ordinal);
        Assert.Contains("bad.jsonl: line 2: ", problems, StringComparison.Ordinal);
        Assert.Empty(reviewed);
        Assert.DoesNotContain("handler=Confirm", html, StringComparison.Ordinal);
        Assert.Equal(count, await Store.CountAsync());
    }

    [Theory]
    [InlineData("empty.json", "")]
    [InlineData("binary.json", "\u0001\u0002PK\u0003\u0004")]
    [InlineData("deep.json", "deep")]
    [InlineData("latin1.jsonl", "latin1")]
    public async Task An_empty_binary_deeply_nested_or_non_utf8_file_gets_a_report_not_an_error(string name, string content)
    {
        var editor = await SignedInAsync("import-odd");
        var bytes = content switch
        {
            "deep" => Encoding.ASCII.GetBytes(new string('[', 100_000)),
            "latin1" => [.. "{\"id\":\"caf"u8, 0xE9, .. "\"}\n"u8],
            _ => Encoding.UTF8.GetBytes(content),
        };

        var uploaded = await UploadAsync(editor, name, bytes);
        var report = await editor.GetAsync(uploaded.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Contains("This file cannot be imported: 1 problem(s) in 1 record(s).", await report.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_valid_file_writes_nothing_until_confirmed_and_then_everything()
    {
        var editor = await SignedInAsync("import-confirmer");
        var changed = await StoredAsync("raslan-koblenz") with { Summary = "Changed by a web import." };
        var unchanged = await StoredAsync("habre-dakar");
        var created = SampleCases.Valid("web-import-new");

        var (url, html, reviewed) = await ReviewAsync(editor, "records.jsonl", Lines(changed, unchanged, created));

        Assert.Matches("New records</th><td>1<", html);
        Assert.Matches("Changed records</th><td>1<", html);
        Assert.Matches(@"Unchanged records \(left as they are\)</th><td>1<", html);
        Assert.Contains("<td>summary</td>", html, StringComparison.Ordinal);
        Assert.Null(await Store.GetAsync("web-import-new"));
        Assert.NotEqual("Changed by a web import.", (await StoredAsync("raslan-koblenz")).Summary);

        var confirmed = await ConfirmAsync(editor, url, html, reviewed);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("Changed by a web import.", (await StoredAsync("raslan-koblenz")).Summary);
        Assert.NotNull(await Store.GetAsync("web-import-new"));
        Assert.Contains("Imported 3 record(s)", await editor.GetStringAsync(url), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Uploads, url.Split('/')[^1] + ".upload")));
    }

    [Fact]
    public async Task A_web_import_is_in_the_records_history_by_the_editor_and_readers_see_the_change_but_not_who()
    {
        var editor = await SignedInAsync("import-historian");
        var before = await StoredAsync("correa-denver");
        var after = before with { Summary = "Summary changed by the importing editor." };
        var (url, html, reviewed) = await ReviewAsync(editor, "history.jsonl", Lines(after));

        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(editor, url, html, reviewed)).StatusCode);

        var revision = (await factory.Services.GetRequiredService<UjDatabase.Core.Editing.IRecordEditor>().HistoryAsync("correa-denver"))[^1];
        Assert.Equal(("import-historian", "import", CaseJson.Serialize(before), CaseJson.Serialize(after)), (revision.Author, revision.Action, revision.PreviousJson, revision.RecordJson));
        Assert.Contains("import by import-historian", await editor.GetStringAsync("/admin/cases/correa-denver/history"), StringComparison.Ordinal);
        var public_ = await factory.CreateClient().GetStringAsync("/cases/correa-denver/history");
        Assert.Contains("Summary changed by the importing editor.", public_, StringComparison.Ordinal);
        Assert.DoesNotContain("import-historian", public_, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_confirmation_after_the_store_changed_is_refused_with_the_new_report_which_can_then_be_confirmed()
    {
        var editor = await SignedInAsync("import-racer");
        var mine = await StoredAsync("al-gharib-koblenz") with { Summary = "The import's summary." };
        var (url, html, reviewed) = await ReviewAsync(editor, "race.jsonl", Lines(mine));
        await Store.UpsertAsync([await StoredAsync("al-gharib-koblenz") with { Summary = "Someone else's summary." }]);

        var refused = await ConfirmAsync(editor, url, html, reviewed);
        var again = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("changed since you read the report", again, StringComparison.Ordinal);
        Assert.Equal("Someone else's summary.", (await StoredAsync("al-gharib-koblenz")).Summary);

        var confirmed = await ConfirmAsync(editor, url, again, Reviewed().Match(again).Groups[1].Value);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("The import's summary.", (await StoredAsync("al-gharib-koblenz")).Summary);
    }

    [Fact]
    public async Task A_second_confirmation_of_the_same_upload_writes_nothing()
    {
        var editor = await SignedInAsync("import-double");
        var (url, html, reviewed) = await ReviewAsync(editor, "twice.jsonl", Lines(SampleCases.Valid("web-import-twice")));
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(editor, url, html, reviewed)).StatusCode);
        var version = (await factory.Services.GetRequiredService<IIndexSource>().GetVersionedAsync(["web-import-twice"])).Single().Version;

        var second = await ConfirmAsync(editor, url, html, reviewed);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("imported already; nothing more was done", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(version, (await factory.Services.GetRequiredService<IIndexSource>().GetVersionedAsync(["web-import-twice"])).Single().Version);
    }

    [Fact]
    public async Task An_upload_whose_bytes_changed_on_the_server_is_never_imported()
    {
        var editor = await SignedInAsync("import-tampered");
        var (url, html, reviewed) = await ReviewAsync(editor, "tampered.jsonl", Lines(SampleCases.Valid("web-import-tampered")));
        var file = Directory.GetFiles(Uploads, url.Split('/')[^1] + ".upload").Single();
        await File.AppendAllTextAsync(file, Lines(SampleCases.Valid("web-import-smuggled")));

        var confirm = await ConfirmAsync(editor, url, html, reviewed);

        Assert.Equal(HttpStatusCode.Conflict, confirm.StatusCode);
        Assert.Contains("changed on the server after it was checked", await confirm.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await Store.GetAsync("web-import-tampered"));
        Assert.Null(await Store.GetAsync("web-import-smuggled"));
        Assert.DoesNotContain(Directory.GetFiles(Uploads, url.Split('/')[^1] + ".*"), f => !f.EndsWith(".json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_editor_can_neither_read_confirm_nor_cancel_an_upload()
    {
        var owner = await SignedInAsync("import-owner");
        var other = await SignedInAsync("import-other");
        var (url, html, reviewed) = await ReviewAsync(owner, "mine.jsonl", Lines(SampleCases.Valid("web-import-owned")));
        var token = AntiForgery.Token(await other.GetStringAsync("/admin/import"));

        var read = await other.GetAsync(url);
        var confirm = await other.PostAsync(url + "?handler=Confirm", new FormUrlEncodedContent([KeyValuePair.Create("reviewed", reviewed), KeyValuePair.Create("__RequestVerificationToken", token)]));
        await other.PostAsync(url + "?handler=Cancel", new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, confirm.StatusCode);
        Assert.Null(await Store.GetAsync("web-import-owned"));
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(owner, url, html, reviewed)).StatusCode);
    }

    [Fact]
    public async Task Cancelling_deletes_the_upload_and_writes_nothing()
    {
        var editor = await SignedInAsync("import-canceller");
        var (url, html, _) = await ReviewAsync(editor, "cancel.jsonl", Lines(SampleCases.Valid("web-import-cancelled")));

        var cancelled = await editor.PostAsync(url + "?handler=Cancel", new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", AntiForgery.Token(html))]));

        Assert.Equal("/admin/import?cancelled=true", cancelled.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync(url)).StatusCode);
        Assert.Empty(Directory.GetFiles(Uploads, url.Split('/')[^1] + ".*"));
        Assert.Null(await Store.GetAsync("web-import-cancelled"));
    }

    [Fact]
    public async Task A_hostile_file_name_and_hostile_values_are_shown_as_text()
    {
        var editor = await SignedInAsync("import-hostile");
        var hostile = SampleCases.Valid("hostile-upload") with { Stage = "<script>alert(1)</script>" };

        var (_, html, _) = await ReviewAsync(editor, "<img src=x onerror=alert(2)>.jsonl", Lines(hostile));

        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(2)&gt;.jsonl", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draft_records_of_an_import_stay_out_of_every_public_answer()
    {
        var editor = await SignedInAsync("import-drafts");
        var draft = SampleCases.Valid("web-import-draft") with { Publication = "draft", Summary = "Quetzalquill import draft." };
        var (url, html, reviewed) = await ReviewAsync(editor, "drafts.jsonl", Lines(draft));
        Assert.Matches(@"Drafts among them \(kept from readers until published\)</th><td>1<", html);

        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(editor, url, html, reviewed)).StatusCode);
        await Task.Delay(600);
        var reader = factory.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/cases/web-import-draft")).StatusCode);
        Assert.Contains("\"total\":0,", await reader.GetStringAsync("/api/cases?q=quetzalquill"), StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"reviewed\" value=\"([0-9a-f]*)\"")]
    private static partial Regex Reviewed();
}

/// <summary>The upload's size limit, which only a real Kestrel enforces.</summary>
public sealed class WebImportLimitTests(WebImportLimitTests.LimitedApp app) : IClassFixture<WebImportLimitTests.LimitedApp>
{
    /// <summary>The app on Kestrel, taking imports of at most 100 KB.</summary>
    public sealed class LimitedApp : IAsyncLifetime
    {
        public KestrelApp Kestrel { get; } = new();

        public Task InitializeAsync()
        {
            Kestrel.Settings["UJDB_IMPORT_MAX_BYTES"] = "100000";
            return Kestrel.InitializeAsync();
        }

        public Task DisposeAsync() => Kestrel.DisposeAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_file_over_the_limit_announced_or_chunked_returns_to_the_upload_page_naming_the_limit(bool chunked)
    {
        var kestrel = app.Kestrel;
        var database = new UjDatabase.Embedded.SqliteDatabase(Path.Combine(kestrel.DataDirectory, "ujdb.sqlite"));
        await new AccountAdministration(new UjDatabase.Embedded.Accounts.SqliteAccountStore(database), TimeProvider.System).AddAsync("import-big", AccountRole.Editor, EditorsAppFactory.EditorPassword);
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = new Uri(kestrel.BaseUrl) };
        Assert.Equal(HttpStatusCode.Redirect, (await EditorSignIn.PostAsync(client, "import-big", EditorsAppFactory.EditorPassword)).StatusCode);
        var form = new MultipartFormDataContent
        {
            { new StringContent(AntiForgery.Token(await client.GetStringAsync("/admin/import"))), "__RequestVerificationToken" },
            { new ByteArrayContent(new byte[400_000]), "file", "big.jsonl" },
        };
        if (chunked)
        {
            await form.LoadIntoBufferAsync();
            form.Headers.ContentLength = null;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/import") { Content = form };
        request.Headers.TransferEncodingChunked = chunked;
        var response = await client.SendAsync(request);
        var page = await client.GetStringAsync(response.Headers.Location!.OriginalString);

        Assert.Equal("/admin/import?too_large=true", response.Headers.Location!.OriginalString);
        Assert.Contains("That file is larger than 97.7 KB, the most an import on the web takes; nothing was uploaded.", page, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(kestrel.DataDirectory, "uploads")) && Directory.GetFiles(Path.Combine(kestrel.DataDirectory, "uploads")).Length > 0);
    }
}

/// <summary>The uploads folder: an upload nobody confirms is deleted once it expires.</summary>
public sealed class ImportUploadsTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    private sealed class MovableClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task An_upload_not_confirmed_within_its_expiry_is_unknown_and_deleted()
    {
        var clock = new MovableClock();
        var uploads = new UjDatabase.Web.Import.ImportUploads(new StorageSettings(StorageProfile.Embedded, directory.File("data")), new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), clock);
        using var content = new MemoryStream("[]"u8.ToArray());
        var upload = await uploads.SaveAsync(content, "alice", "file.json", CancellationToken.None);
        uploads.RemoveExpired();
        Assert.NotNull(await uploads.FindAsync(upload.Id, "alice", CancellationToken.None));

        clock.Now += UjDatabase.Web.Import.ImportUploads.Expiry + TimeSpan.FromMinutes(1);
        var found = await uploads.FindAsync(upload.Id, "alice", CancellationToken.None);
        uploads.RemoveExpired();

        Assert.Null(found);
        Assert.Empty(Directory.GetFiles(directory.File(Path.Combine("data", "uploads"))));
    }
}
