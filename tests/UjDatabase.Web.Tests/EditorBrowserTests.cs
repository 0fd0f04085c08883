using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using UjDatabase.Core.Accounts;
using static Microsoft.Playwright.Assertions;

namespace UjDatabase.Web.Tests;

/// <summary>What an editor does, in a real browser: sign in, add a development, see the public side follow; and two editors at once.</summary>
public sealed class EditorBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Password = "an editor's long password";
    private const string Case = "/cases/raslan-koblenz";

    private async Task<IPage> SignedInAsync(string name, int width = 1280, AccountRole role = AccountRole.Editor)
    {
        await fixture.AddAccountAsync(name, role, Password);
        // A context of its own: each editor has their own cookies, as on two machines.
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 1000 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        await page.GotoAsync(fixture.BaseUrl + "/admin");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/sign-in"));
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Editors' area" })).ToBeVisibleAsync();
        return page;
    }

    private static async Task FillDevelopmentAsync(IPage page, string date, string description, string url)
    {
        await page.GetByLabel("Date", new() { Exact = true }).FillAsync(date);
        await page.GetByLabel("What happened").SelectOptionAsync("other");
        await page.GetByLabel("Description").FillAsync(description);
        await page.GetByLabel("Address (URL)").FillAsync(url);
        await page.GetByLabel("Title").FillAsync("Trial monitoring report");
    }

    /// <summary>The hits of a search, once the index has followed the outbox (within 30 s), or 0.</summary>
    private async Task<int> SearchHitsAsync(IPage page, string words)
    {
        var found = 0;
        for (var attempt = 0; attempt < 60 && found == 0; attempt++)
        {
            await page.GotoAsync(fixture.BaseUrl + "/search?q=" + words);
            found = await page.Locator(".hit").CountAsync();
            if (found == 0)
            {
                await Task.Delay(500);
            }
        }

        return found;
    }

    private static async Task ScreenshotAsync(IPage page, string file) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, file), FullPage = true });

    [BrowserFact]
    public async Task An_editor_adds_a_development_and_the_case_page_history_and_search_follow()
    {
        var page = await SignedInAsync("editor-one");
        await page.GotoAsync(fixture.BaseUrl + Case);
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a development" }).ClickAsync();
        await FillDevelopmentAsync(page, "2026-11-27", "Quokkaquest hearing on the retrial request", "https://example.org/quokkaquest");
        await page.GetByLabel("I checked the whole record").CheckAsync();
        await ScreenshotAsync(page, "development-form.png");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save the development" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Revision 1: development by editor-one" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "history-editors.png");
        await page.GotoAsync(fixture.BaseUrl + Case);
        await Expect(page.GetByText("Quokkaquest hearing on the retrial request")).ToBeVisibleAsync();
        await page.GotoAsync(fixture.BaseUrl + Case + "/history");
        await Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "events" })).ToBeVisibleAsync();
        await Expect(page.GetByText("editor-one")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "history-public.png");
        // The index follows through the outbox: the search finds the new words once the sync has run.
        Assert.Equal(1, await SearchHitsAsync(page, "quokkaquest"));
        await Expect(page.Locator(".hit").First).ToContainTextAsync("Anwar Raslan");
    }

    [BrowserFact]
    public async Task A_draft_changes_nothing_public_until_it_is_published_and_then_the_page_and_search_follow()
    {
        var page = await SignedInAsync("editor-drafts");
        await page.GotoAsync(fixture.BaseUrl + "/admin/cases/habre-dakar/development");
        await FillDevelopmentAsync(page, "2026-10", "Pangolinpost draft development", "https://example.org/pangolin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a draft" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Draft \\d+: a development of") })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "draft.png");

        await page.GotoAsync(fixture.BaseUrl + "/cases/habre-dakar");
        await Expect(page.GetByText("Pangolinpost draft development")).ToHaveCountAsync(0);
        await page.GotoAsync(fixture.BaseUrl + "/search?q=pangolinpost");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "No records match this search" })).ToBeVisibleAsync();
        await page.GotoAsync(fixture.BaseUrl + "/admin");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Draft \\d+") }).First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Revision 1: development by editor-drafts" })).ToBeVisibleAsync();
        await page.GotoAsync(fixture.BaseUrl + "/cases/habre-dakar");
        await Expect(page.GetByText("Pangolinpost draft development")).ToBeVisibleAsync();
        Assert.Equal(1, await SearchHitsAsync(page, "pangolinpost"));
        await page.GotoAsync(fixture.BaseUrl + "/admin");
        await Expect(page.GetByText("None.")).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task Two_editors_save_the_same_record_and_the_second_is_shown_both_changes_and_loses_nothing()
    {
        var first = await SignedInAsync("editor-two");
        var second = await SignedInAsync("editor-three");
        await first.GotoAsync(fixture.BaseUrl + "/admin/cases/al-gharib-koblenz/development");
        await second.GotoAsync(fixture.BaseUrl + "/admin/cases/al-gharib-koblenz/development");
        await FillDevelopmentAsync(first, "2026-11-20", "Numbatnote first editor's development", "https://example.org/numbat");
        await FillDevelopmentAsync(second, "2026-11-21", "Wombatwatch second editor's development", "https://example.org/wombat");

        await first.GetByRole(AriaRole.Button, new() { Name = "Save the development" }).ClickAsync();
        await Expect(first.GetByRole(AriaRole.Heading, new() { Name = "Revision 1: development by editor-two" })).ToBeVisibleAsync();
        await second.GetByRole(AriaRole.Button, new() { Name = "Save the development" }).ClickAsync();

        await Expect(second.GetByRole(AriaRole.Alert)).ToContainTextAsync("Someone else changed this record");
        await Expect(second.GetByRole(AriaRole.Heading, new() { Name = "Changed by someone else since you opened the form" })).ToBeVisibleAsync();
        await Expect(second.GetByLabel("Description")).ToHaveValueAsync("Wombatwatch second editor's development");
        await ScreenshotAsync(second, "development-conflict.png");
        await second.GetByRole(AriaRole.Button, new() { Name = "Save the development" }).ClickAsync();

        await Expect(second.GetByRole(AriaRole.Heading, new() { Name = "Revision 2: development by editor-three" })).ToBeVisibleAsync();
        await second.GotoAsync(fixture.BaseUrl + "/cases/al-gharib-koblenz");
        await Expect(second.GetByText("Numbatnote first editor's development")).ToBeVisibleAsync();
        await Expect(second.GetByText("Wombatwatch second editor's development")).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task The_editors_pages_have_no_serious_accessibility_violations_on_a_desktop_or_a_phone()
    {
        foreach (var width in new[] { 1280, 390 })
        {
            // An admin, so that the accounts page is checked too.
            var page = await SignedInAsync($"admin-axe-{width}", width, AccountRole.Admin);
            foreach (var path in new[] { "/admin", "/admin/cases/raslan-koblenz/development", "/admin/cases/raslan-koblenz/history", "/admin/password", "/admin/accounts", "/cases/raslan-koblenz/history", "/admin/sign-in", "/admin/cases/new", "/admin/cases/raslan-koblenz/edit" })
            {
                await page.GotoAsync(fixture.BaseUrl + path);
                await BrowserFixture.AssertNoSeriousViolationsAsync(page, $"{path} at {width}px");
            }

            await page.GotoAsync(fixture.BaseUrl + "/admin/cases/raslan-koblenz/development");
            await ScreenshotAsync(page, $"development-form-{width}.png");
        }
    }

    [BrowserFact]
    public async Task An_editor_creates_a_record_adding_rows_with_the_buttons_and_readers_find_it()
    {
        var page = await SignedInAsync("editor-creates");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a new record" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New record" })).ToBeVisibleAsync();
        await page.GetByLabel("Id", new() { Exact = true }).FillAsync("browser-made-record");
        await page.Locator("#f-title").FillAsync("Quokkaquill trial");
        await page.GetByLabel("Summary").FillAsync("A record entered in the browser.");
        await page.GetByLabel("Name in full").FillAsync("Quokkaquill Person");
        await page.GetByLabel("Prosecuting state").FillAsync("se");
        await page.GetByLabel("Stage of the case").SelectOptionAsync("trial");
        var charges = page.Locator("[data-rows=charges] > fieldset.row");
        await charges.Nth(0).GetByLabel("Crime", new() { Exact = true }).SelectOptionAsync("war_crimes");
        await charges.Nth(0).GetByLabel("Stage", new() { Exact = true }).SelectOptionAsync("charged");

        // With JavaScript the button adds an empty row in place, numbered after the others, without a round trip.
        var address = page.Url;
        await page.GetByRole(AriaRole.Button, new() { Name = "Add another charge" }).ClickAsync();
        await Expect(charges).ToHaveCountAsync(2);
        Assert.Equal(address, page.Url);
        await Expect(charges.Nth(1)).ToHaveAccessibleNameAsync("Charge 2");
        await charges.Nth(1).GetByLabel("Crime", new() { Exact = true }).SelectOptionAsync("torture");
        await charges.Nth(1).GetByLabel("Stage", new() { Exact = true }).SelectOptionAsync("charged");
        var sources = page.Locator("[data-rows=sources] > fieldset.row");
        await sources.Nth(0).GetByLabel("Address (URL)").FillAsync("https://example.org/quokkaquill");
        await sources.Nth(0).GetByLabel("Title").FillAsync("Indictment report");
        await page.GetByLabel("I checked the whole record against its sources today").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the record" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Revision 1: create by editor-creates" })).ToBeVisibleAsync();
        await page.GotoAsync(fixture.BaseUrl + "/cases/browser-made-record");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Quokkaquill Person" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Torture", new() { Exact = true }).First).ToBeVisibleAsync();
        Assert.Equal(1, await SearchHitsAsync(page, "Quokkaquill"));
    }

    [BrowserFact]
    public async Task A_problem_in_the_record_form_is_shown_beside_its_field_and_announced()
    {
        var page = await SignedInAsync("editor-problem");
        await page.GotoAsync(fixture.BaseUrl + "/admin/cases/raslan-koblenz/edit");
        await page.GetByLabel("Years").FillAsync("twelve");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the record" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nothing was saved");
        await Expect(page.GetByLabel("Years")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByLabel("Years")).ToHaveValueAsync("twelve");
        await Expect(page.Locator("#f-sentence-years-problem")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "record-form-problem.png");
    }

    [BrowserFact]
    public async Task An_editor_uploads_a_file_reads_its_report_and_confirms_and_the_pages_pass_axe_on_a_desktop_and_a_phone()
    {
        foreach (var width in new[] { 1280, 390 })
        {
            var page = await SignedInAsync($"editor-import-{width}", width);
            var changed = System.Text.Json.Nodes.JsonNode.Parse(await (await page.APIRequest.GetAsync(fixture.BaseUrl + "/api/cases/jabbateh-philadelphia")).TextAsync())!;
            changed["summary"] = changed["summary"]!.GetValue<string>() + $" Checked again ({width}).";
            var created = UjDatabase.Tests.SampleCases.Valid($"browser-import-{width}") with { Summary = $"Axolotlargo{width} imported on the web." };
            var draft = UjDatabase.Tests.SampleCases.Valid($"browser-draft-{width}") with { Publication = "draft" };
            var file = Path.Combine(Path.GetTempPath(), $"ujdb-import-{width}-{Guid.NewGuid():N}.jsonl");
            await File.WriteAllTextAsync(file, changed.ToJsonString() + "\n" + UjDatabase.Core.Interchange.CaseJson.Serialize(created) + "\n" + UjDatabase.Core.Interchange.CaseJson.Serialize(draft) + "\n");

            await page.GetByRole(AriaRole.Link, new() { Name = "Import a file" }).ClickAsync();
            await BrowserFixture.AssertNoSeriousViolationsAsync(page, $"/admin/import at {width}px");
            await page.GetByLabel("File to import").SetInputFilesAsync(file);
            await page.GetByRole(AriaRole.Button, new() { Name = "Upload and check" }).ClickAsync();
            File.Delete(file);

            await Expect(page.GetByRole(AriaRole.Table, new() { Name = "What the import would do" })).ToContainTextAsync("New records2");
            await Expect(page.GetByRole(AriaRole.Row, new() { Name = "jabbateh-philadelphia changed summary yes (published)" })).ToBeVisibleAsync();
            await BrowserFixture.AssertNoSeriousViolationsAsync(page, $"the import's report at {width}px");
            if (width == 1280)
            {
                await page.SetViewportSizeAsync(1366, 900);
                await ScreenshotAsync(page, "import-report.png");
            }
            else
            {
                await ScreenshotAsync(page, "import-report-phone.png");
            }

            await page.GotoAsync(fixture.BaseUrl + $"/cases/browser-import-{width}");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "We could not find that page" })).ToBeVisibleAsync();
            await page.GoBackAsync();
            await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Import 3 new or changed") }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Imported 3 record(s)");
            await BrowserFixture.AssertNoSeriousViolationsAsync(page, $"the import's result at {width}px");
            await page.GotoAsync(fixture.BaseUrl + $"/cases/browser-import-{width}");
            await Expect(page.GetByText($"Axolotlargo{width} imported on the web.")).ToBeVisibleAsync();
            Assert.Equal(1, await SearchHitsAsync(page, $"axolotlargo{width}"));
            await page.Context.CloseAsync();
        }
    }
}
