using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace UjDatabase.Web.Tests;

/// <summary>Exploring by place, situation and proceeding in a real browser: the walks a researcher takes, and axe on every page.</summary>
public sealed class PlaceBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task What_has_Germany_done_about_Syria_from_the_country_page_to_the_search_and_the_al_Khatib_trial()
    {
        var page = await fixture.OpenAsync("/countries");
        await page.GetByRole(AriaRole.Link, new() { Name = "Germany", Exact = true }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/countries/DE$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Germany");

        // The number of German cases about Syria leads to exactly that search, which counts as many.
        var syria = page.Locator("section[aria-labelledby=forum-territory] li").Filter(new() { Has = page.Locator("a.label", new() { HasTextString = "Syria" }) }).Locator("a.count");
        var count = await syria.GetAttributeAsync("data-count");
        await syria.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/search\\?forum=DE&territory=SY$"));
        await Expect(page.Locator(".total strong")).ToHaveTextAsync(count!);

        await page.GoBackAsync();
        await page.Locator("section[aria-labelledby=forum-heading] .proceedings a[href='/groups/al-khatib-koblenz']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/groups/al-khatib-koblenz$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Anwar Raslan and Eyad al-Gharib");
        await Expect(page.Locator("table.defendants tbody tr")).ToHaveCountAsync(2);

        await page.Locator("table.defendants").GetByRole(AriaRole.Link, new() { Name = "Anwar Raslan" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/cases/raslan-koblenz$"));
        await Expect(page.Locator("section.cite .citation")).ToContainTextAsync("record raslan-koblenz, last checked");
        await page.CloseAsync();
    }

    [BrowserFact]
    public async Task Everything_about_the_Gambia_from_a_case_to_the_situation_and_the_states_that_prosecute_it()
    {
        var page = await fixture.OpenAsync("/countries/GM");
        var territory = page.Locator("section[aria-labelledby=territory-heading]");
        await Expect(territory.Locator(".headlines")).ToBeVisibleAsync();
        await territory.GetByRole(AriaRole.Link, new() { Name = "The Gambia under Yahya Jammeh (1994-2017)", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/situations/gambia-1994-2017$"));

        // Each prosecuting state of the situation leads to its country page.
        var states = page.Locator("section[aria-labelledby=situation-forum] a.label");
        Assert.True(await states.CountAsync() >= 2, "the Jammeh-era crimes are prosecuted in more than one state");
        var first = await states.First.InnerTextAsync();
        await states.First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/countries/[A-Z]{2}$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(first);
        await page.CloseAsync();
    }

    [BrowserFact]
    public async Task The_country_situation_and_group_pages_have_no_serious_accessibility_violations()
    {
        var paths = new (string Path, int Width)[]
        {
            ("/countries", 1280), ("/countries/DE", 1280), ("/countries/SY", 390), ("/countries/GM", 1280), ("/countries/AQ", 1280),
            ("/countries/XX", 1280), ("/situations", 1280), ("/situations/syria-2011", 1280), ("/situations/rwanda-1994", 390),
            ("/groups/al-khatib-koblenz", 1280), ("/groups/al-khatib-koblenz", 390), ("/groups/homs-press-centre-paris", 1280),
        };
        foreach (var (path, width) in paths)
        {
            var page = await fixture.OpenAsync(path, width, width < 500 ? 844 : 900);
            await BrowserFixture.AssertNoSeriousViolationsAsync(page, $"{path} at {width}px");
            await page.CloseAsync();
        }
    }

    [BrowserFact]
    public async Task On_a_phone_the_country_page_fits_the_screen_width()
    {
        foreach (var path in new[] { "/countries/DE", "/situations/syria-2011", "/groups/al-khatib-koblenz", "/cases/raslan-koblenz" })
        {
            var page = await fixture.OpenAsync(path, 390, 844);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{path} is {overflow}px wider than a 390px screen");
            await page.CloseAsync();
        }
    }

    [BrowserFact]
    public async Task Screenshots_of_the_country_situation_and_group_pages_are_kept()
    {
        var shots = new (string Path, string File, int Width)[]
        {
            ("/countries/DE", "country.png", 1366),
            ("/countries/DE", "country-phone.png", 390),
            ("/situations/syria-2011", "situation.png", 1366),
            ("/groups/al-khatib-koblenz", "group.png", 1366),
            ("/groups/al-khatib-koblenz", "group-phone.png", 390),
        };
        foreach (var (path, file, width) in shots)
        {
            var page = await fixture.OpenAsync(path, width, width < 500 ? 844 : 900);
            var target = Path.Combine(BrowserFixture.ScreenshotDirectory, file);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = target, FullPage = false });
            Assert.True(new FileInfo(target).Length > 10_000, $"{file} looks empty");
            await page.CloseAsync();
        }
    }
}
