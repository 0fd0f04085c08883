using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace UjDatabase.Web.Tests;

/// <summary>What a researcher does, in a real browser (Debian's Chromium driven by Playwright).</summary>
public sealed class BrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    // Every step waits for what the user would see (an address, a heading, a chip), never for a fixed time; the
    // assertions retry until the page shows it or the timeout passes.
    [BrowserFact]
    public async Task Search_tick_a_facet_open_a_case_go_back_and_page()
    {
        var page = await fixture.OpenAsync("/");
        await page.GetByLabel("Search names, courts, places and summaries").FillAsync("genocide");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/search\\?q=genocide$"));

        await page.Locator("section[data-facet=territory] a.facet-value[data-value=RW]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/search\\?q=genocide&territory=RW$"));
        await Expect(page.Locator(".chips")).ToContainTextAsync("Crimes committed in: Rwanda");

        var first = page.Locator("li.hit h2 a").First;
        var name = await first.InnerTextAsync();
        await first.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/cases/"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(name);

        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/search\\?q=genocide&territory=RW$"));
        var firstPage = await page.Locator("li.hit").First.GetAttributeAsync("data-case-id");

        await page.GetByRole(AriaRole.Link, new() { Name = "Next →" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("page=2"));
        await Expect(page.Locator("li.hit").First).Not.ToHaveAttributeAsync("data-case-id", firstPage!);
        await page.CloseAsync();
    }

    [BrowserFact]
    public async Task On_a_phone_the_filters_are_one_tap_away_from_the_top_and_lead_back_to_the_results()
    {
        var page = await fixture.OpenAsync("/search?territory=SY", 390, 844);
        var link = page.GetByRole(AriaRole.Link, new() { Name = "Filter the results (1 selected)" });
        await Expect(link).ToBeInViewportAsync();
        var linkBox = await link.BoundingBoxAsync();
        var firstHit = await page.Locator("li.hit").First.BoundingBoxAsync();
        Assert.True(linkBox!.Y < firstHit!.Y, "the way to the filters comes before the first result");

        await link.ClickAsync();
        await Expect(page.Locator("#filters .facets-title")).ToBeInViewportAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the results" }).ClickAsync();
        await Expect(page.Locator("li.hit").First).ToBeInViewportAsync();
        await page.CloseAsync();
    }

    [BrowserFact]
    public async Task Sorting_applies_on_change_and_long_facets_filter_by_typing()
    {
        var page = await fixture.OpenAsync("/search");
        // The script shows the facet filter once it has run; only then does choosing an order submit by itself.
        await page.WaitForFunctionAsync("() => document.querySelector('input[data-facet-filter]').hidden === false");
        var navigation = page.WaitForURLAsync("**sort=name");
        await page.GetByLabel("Sort by").SelectOptionAsync("name");
        await navigation;

        var filter = page.GetByLabel("Find a value of Crimes committed in");
        await filter.FillAsync("bos");
        var visible = page.Locator("section[data-facet=territory] li:visible .label");
        Assert.Equal(["Bosnia and Herzegovina"], await visible.AllInnerTextsAsync());
        await page.CloseAsync();
    }

    [BrowserFact]
    public async Task The_search_case_and_statistics_pages_have_no_serious_accessibility_violations()
    {
        foreach (var path in new[] { "/search?territory=SY", "/cases/raslan-koblenz", "/search?forum=SN&territory=SY", "/cases/no-such-case", "/stats?measure=convicted&by=year", "/stats?by=forum&by=crime", "/stats?forum=DE&unit=cases", "/stats/review?year=2024", "/stats?q=qwertyzzz", "/search?measure=convicted&year=2022&unit=cases", "/search?page=abc" })
        {
            var page = await fixture.OpenAsync(path);
            await BrowserFixture.AssertNoSeriousViolationsAsync(page, path);
            await page.CloseAsync();
        }
    }

    private static async Task<ILocator> TypeAsync(IPage page, string text)
    {
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Search names, courts, places and summaries" });
        await box.PressSequentiallyAsync(text, new() { Delay = 40 });
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "true");
        return box;
    }

    [BrowserFact]
    public async Task Typing_part_of_a_name_suggests_it_and_choosing_it_with_the_keyboard_opens_the_case()
    {
        var page = await fixture.OpenAsync("/");
        var box = await TypeAsync(page, "rasl");
        var listbox = page.GetByRole(AriaRole.Listbox, new() { Name = "Names" });
        await Expect(box).ToHaveAttributeAsync("aria-controls", await listbox.GetAttributeAsync("id") ?? "");
        await Expect(listbox.GetByRole(AriaRole.Option).First).ToContainTextAsync("Anwar Raslan");

        await box.PressAsync("ArrowDown");
        var first = listbox.GetByRole(AriaRole.Option).First;
        await Expect(first).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(box).ToHaveAttributeAsync("aria-activedescendant", await first.GetAttributeAsync("id") ?? "");
        await box.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex("/cases/raslan-koblenz$"));
        await page.CloseAsync();
    }

    [BrowserFact]
    public async Task A_suggested_name_of_several_records_leads_to_the_search_for_it_and_escape_closes_the_list()
    {
        var page = await fixture.OpenAsync("/search");
        var box = await TypeAsync(page, "habr");
        var option = page.GetByRole(AriaRole.Option).Filter(new() { HasText = "Hissène Habré" }).First;
        await Expect(option).ToContainTextAsync("records");

        await box.PressAsync("Escape");
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(page.GetByRole(AriaRole.Listbox)).ToBeHiddenAsync();

        await box.PressSequentiallyAsync("e");
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "true");
        await page.GetByRole(AriaRole.Option).Filter(new() { HasText = "Hissène Habré" }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/search\\?q=%22Hiss%C3%A8ne%20Habr%C3%A9%22$"));
        Assert.True(await page.Locator("li.hit").CountAsync() >= 3, "the search lists every record of the name");
        await page.CloseAsync();
    }

    [BrowserFact]
    public async Task The_open_typeahead_has_no_serious_accessibility_violations()
    {
        foreach (var width in new[] { 1280, 390 })
        {
            var page = await fixture.OpenAsync("/", width, 844);
            await TypeAsync(page, "al-");
            await page.Keyboard.PressAsync("ArrowDown");
            await BrowserFixture.AssertNoSeriousViolationsAsync(page, "the open typeahead");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, width < 500 ? "typeahead-phone.png" : "typeahead.png") });
            await page.CloseAsync();
        }
    }

    [BrowserFact]
    public async Task Without_javascript_the_search_box_still_searches()
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/");
        var box = page.GetByLabel("Search names, courts, places and summaries");
        Assert.Null(await box.GetAttributeAsync("role"));

        await box.FillAsync("raslan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/search\\?q=raslan$"));
        await Expect(page.Locator("li.hit").First).ToContainTextAsync("Raslan");
    }

    [BrowserFact]
    public async Task The_chart_over_time_fits_a_phone_and_its_table_scrolls_in_its_own_box()
    {
        var page = await fixture.OpenAsync("/stats?forum=DE", 390, 844);
        var chart = page.Locator("section.trends svg");
        await Expect(chart).ToBeVisibleAsync();

        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page does not scroll sideways");
        Assert.True((await chart.BoundingBoxAsync())!.Width <= 390);
        var region = page.GetByRole(AriaRole.Region, new() { Name = "Developments, new, convicted and acquitted by year" });
        await Expect(region).ToHaveAttributeAsync("tabindex", "0");
        await chart.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "trends-chart-phone.png") });
        await page.CloseAsync();
    }

    [BrowserFact]
    public async Task Clicking_a_country_on_the_map_opens_the_search_filtered_by_it_with_the_other_filters_kept()
    {
        var page = await fixture.OpenAsync("/search?crime=genocide");
        await page.Locator(".result-bar").GetByRole(AriaRole.Link, new() { Name = "Map", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/map\\?crime=genocide$"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Where the crimes were committed" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/map\\?crime=genocide&view=territory$"));

        var rwanda = page.Locator("svg.world-map:not(.inset)").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Rwanda: \\d+ records of crimes committed there$") });
        var count = int.Parse(Regex.Match((await rwanda.GetAttributeAsync("aria-label"))!, "\\d+").Value, System.Globalization.CultureInfo.InvariantCulture);
        await rwanda.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/search\\?territory=RW&crime=genocide$"));
        await Expect(page.Locator(".chips")).ToContainTextAsync("Crimes committed in: Rwanda");
        await Expect(page.Locator(".total strong")).ToHaveTextAsync(count.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // The enlarged part of the map takes clicks too.
        await page.GoBackAsync();
        await page.Locator("svg.world-map.inset a:has(use[href='#shape-BA'])").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/search\\?territory=BA&crime=genocide$"));
        await page.CloseAsync();
    }

    [BrowserFact]
    public async Task The_map_is_reached_by_keyboard_country_by_country_largest_first()
    {
        var page = await fixture.OpenAsync("/map?territory=SY");
        var links = page.Locator("svg.world-map:not(.inset) a");
        var first = await links.First.GetAttributeAsync("aria-label");
        Assert.StartsWith("Germany: ", first, StringComparison.Ordinal);

        // Tab from the view switch, the last control before the map, lands on the first country; Enter follows it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Where the crimes were committed" }).FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal(first, await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('aria-label')"));
        // The focused country is outlined in the site's focus colour (#c2410c), as every focused control is.
        Assert.Equal("rgb(194, 65, 12)", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement.querySelector('path')).stroke"));
        await page.Keyboard.PressAsync("Tab");
        Assert.StartsWith("France: ", await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('aria-label')"), StringComparison.Ordinal);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("/search\\?forum=FR&territory=SY$"));
        await page.CloseAsync();
    }

    [BrowserFact]
    public async Task The_map_has_no_serious_accessibility_violations()
    {
        foreach (var (path, width) in new[] { ("/map", 1280), ("/map?view=territory&forum=DE", 1280), ("/map?territory=SY", 390), ("/map?q=qwertyzzz", 1280), ("/map?forum=XX", 1280) })
        {
            var page = await fixture.OpenAsync(path, width);
            await BrowserFixture.AssertNoSeriousViolationsAsync(page, path);
            await page.CloseAsync();
        }
    }

    [BrowserFact]
    public async Task Screenshots_of_the_search_case_and_statistics_pages_are_kept()
    {
        var shots = new (string Path, string File, int Width)[]
        {
            ("/search?territory=SY", "search.png", 1280),
            ("/cases/raslan-koblenz", "case.png", 1280),
            ("/search?q=habre", "search-phone.png", 390),
            ("/cases/raslan-koblenz", "case-phone.png", 390),
            ("/stats?measure=convicted&by=year", "stats.png", 1280),
            ("/stats?measure=convicted&by=year", "stats-phone.png", 390),
            ("/stats/review?year=2024", "review.png", 1280),
            ("/stats/review?year=2024", "review-phone.png", 390),
            ("/map", "map.png", 1280),
            ("/map?view=territory&forum=DE", "map-territory.png", 1280),
            ("/map?territory=SY", "map-phone.png", 390),
        };
        foreach (var (path, file, width) in shots)
        {
            var page = await fixture.OpenAsync(path, width, width < 500 ? 844 : 900);
            var target = Path.Combine(BrowserFixture.ScreenshotDirectory, file);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = target, FullPage = false });
            Assert.True(new FileInfo(target).Length > 10_000, $"{file} looks empty");
            await page.CloseAsync();
        }

        // The charts over time are below the fold: their section is kept on its own.
        var stats = await fixture.OpenAsync("/stats?forum=DE", 1366, 900);
        await stats.Locator("section.trends").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "trends.png") });
        await stats.CloseAsync();
        var review = await fixture.OpenAsync("/stats/review?year=2024", 1366, 900);
        await review.Locator("section.trends").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "review-trends.png") });
        await review.CloseAsync();
    }
}
