using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace UjDatabase.Web.Tests;

/// <summary>The language switch in a real browser, at a desktop's and a phone's width, with axe on the French pages.</summary>
public sealed class LanguageBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task The_switch_opens_the_same_search_in_French_remembers_the_choice_and_switches_back()
    {
        foreach (var (width, height) in new[] { (1366, 900), (390, 844) })
        {
            var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(60_000);
            await page.GotoAsync(fixture.BaseUrl + "/search?forum=DE&crime=torture");
            await page.GetByRole(AriaRole.Link, new() { Name = "Français", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/fr/search\\?forum=DE&crime=torture$"));
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
            await Expect(page.Locator("#facet-forum")).ToHaveTextAsync("État qui poursuit");
            await BrowserFixture.AssertNoSeriousViolationsAsync(page, $"/fr/search at {width}px");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, width < 500 ? "search-fr-phone.png" : "search-fr.png") });

            // A link from elsewhere without a language opens the French page for this reader.
            await page.GotoAsync(fixture.BaseUrl + "/cases/raslan-koblenz");
            await Expect(page).ToHaveURLAsync(new Regex("/fr/cases/raslan-koblenz$"));
            await Expect(page.Locator("#summary-heading")).ToHaveTextAsync("Résumé");

            await page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/cases/raslan-koblenz$"));
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            await Expect(page.Locator("#summary-heading")).ToHaveTextAsync("Summary");
            await page.GotoAsync(fixture.BaseUrl + "/search");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            await context.CloseAsync();
        }
    }

    [BrowserFact]
    public async Task The_French_search_box_suggests_names_in_French_words_and_opens_French_pages()
    {
        var page = await fixture.OpenAsync("/fr/search");
        await page.Locator("#q").PressSequentiallyAsync("habr");
        var list = page.GetByRole(AriaRole.Listbox, new() { Name = "Noms" });
        await Expect(list).ToBeVisibleAsync();
        var habre = page.GetByRole(AriaRole.Option).Filter(new() { HasText = "Hissène Habré" }).First;
        await Expect(habre).ToContainTextAsync("fiches");
        await habre.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/fr/search\\?q="));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await page.CloseAsync();
    }

    [BrowserFact]
    public async Task The_French_pages_have_no_serious_accessibility_violations()
    {
        var paths = new (string Path, int Width)[]
        {
            ("/fr/cases/raslan-koblenz", 1366), ("/fr/cases/raslan-koblenz", 390), ("/fr/stats?by=forum", 1366), ("/fr/stats?by=forum", 390),
            ("/fr/stats/review?year=2024", 1366), ("/fr/map", 1366), ("/fr/map", 390), ("/fr/countries/DE", 1366), ("/fr/countries/DE", 390),
            ("/fr/situations/syria-2011", 1366), ("/fr/groups/al-khatib-koblenz", 390), ("/fr/countries", 1366), ("/fr/nope", 390),
            ("/fr/search?forum=ZZ", 1366),
        };
        foreach (var (path, width) in paths)
        {
            var page = await fixture.OpenAsync(path, width, width < 500 ? 844 : 900);
            await BrowserFixture.AssertNoSeriousViolationsAsync(page, $"{path} at {width}px");
            var name = path switch
            {
                "/fr/cases/raslan-koblenz" => "case-fr",
                "/fr/stats?by=forum" => "stats-fr",
                "/fr/map" => "map-fr",
                "/fr/countries/DE" => "country-fr",
                _ => null,
            };
            if (name is not null)
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"{name}{(width < 500 ? "-phone" : string.Empty)}.png") });
            }

            await page.CloseAsync();
        }
    }
}
