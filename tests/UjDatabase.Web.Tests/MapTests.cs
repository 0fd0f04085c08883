using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using UjDatabase.Core.Interchange;
using UjDatabase.Core.Vocabularies;
using UjDatabase.Tests;
using UjDatabase.Web.Map;

namespace UjDatabase.Web.Tests;

/// <summary>The world map of a search, read as a browser without JavaScript would.</summary>
public sealed class MapTests(FreshAppFactory factory) : IClassFixture<FreshAppFactory>
{
    private static readonly List<Core.Cases.CaseRecord> Seed = TestFiles.SeedFiles.SelectMany(CaseFileReader.ReadFile)
        .Select(i => CaseDecoder.Decode(i.Json!.Value, i.Line).Record!).ToList();

    private async Task<(HttpStatusCode Status, IDocument Document)> GetPageAsync(string url)
    {
        var response = await factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(url);
        return (response.StatusCode, await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync()));
    }

    private static long Number(string text) => long.Parse(text.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);

    /// <summary>The counts of the map's country table, by code.</summary>
    private static Dictionary<string, long> TableCounts(IDocument map) =>
        map.QuerySelectorAll("table[data-map-counts] tbody tr[data-value]").ToDictionary(tr => tr.GetAttribute("data-value")!, tr => Number(tr.QuerySelector("td")!.TextContent));

    /// <summary>The country links of the world map (not the enlarged part, which repeats them): accessible name and address.</summary>
    private static List<(string Name, string Href)> MapLinks(IDocument map) =>
        map.QuerySelectorAll("svg.world-map:not(.inset) a").Select(a => (a.GetAttribute("aria-label")!, a.GetAttribute("href")!)).ToList();

    private async Task<Dictionary<string, long>> ApiFacetAsync(string queryString, string facet)
    {
        var json = JsonDocument.Parse(await factory.CreateClient().GetStringAsync($"/api/cases?{queryString}")).RootElement;
        return json.GetProperty("facets").EnumerateArray().Single(f => f.GetProperty("name").GetString() == facet).GetProperty("values").EnumerateArray()
            .ToDictionary(v => v.GetProperty("value").GetString()!, v => v.GetProperty("count").GetInt64());
    }

    [Theory]
    [InlineData("", "forum")]
    [InlineData("view=territory", "territory")]
    [InlineData("territory=SY", "forum")]
    [InlineData("forum=DE&view=territory", "territory")]
    [InlineData("forum=DE&forum=FR", "forum")]
    [InlineData("q=genocide&crime=genocide&view=territory", "territory")]
    [InlineData("measure=convicted&year=2022", "forum")]
    [InlineData("event=arrest&from=2015&to=2020&view=territory", "territory")]
    public async Task The_map_counts_agree_with_the_search_facet_counts(string queryString, string facet)
    {
        var (status, map) = await GetPageAsync($"/map?{queryString}");
        var search = string.Join('&', queryString.Split('&').Where(p => !p.StartsWith("view=", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.OK, status);
        var expected = await ApiFacetAsync(search, facet);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), TableCounts(map).OrderBy(e => e.Key, StringComparer.Ordinal));

        // Each drawn country's link says the same count, in its name.
        var links = MapLinks(map);
        Assert.NotEmpty(links);
        foreach (var (code, count) in expected.Where(e => e.Value > 0 && WorldShapes.Find(e.Key) is not null))
        {
            var name = Countries.NameOf(code);
            Assert.Contains(links, l => l.Name.StartsWith($"{name}: {count:N0} record", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Each_country_on_the_map_links_to_the_search_filtered_by_it_keeping_the_other_filters_and_that_search_lists_as_many_records_as_the_map_says()
    {
        var (_, map) = await GetPageAsync("/map?q=torture&forum=DE&view=territory");

        var links = MapLinks(map);
        Assert.True(links.Count >= 2, "several territories");
        foreach (var (name, href) in links)
        {
            Assert.Matches(@"^/search\?q=torture&forum=DE&territory=[A-Z]{2}$", href);
            var (_, search) = await GetPageAsync(href);
            var total = Number(search.QuerySelector(".total strong")!.TextContent);
            var code = href.Split("territory=")[1][..2];
            Assert.StartsWith($"{Countries.NameOf(code)}: {total:N0} record", name, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_flows_count_the_records_prosecuted_in_each_state_for_crimes_committed_in_each_territory()
    {
        var (_, map) = await GetPageAsync("/map");

        var flows = map.QuerySelectorAll("table[data-map-flows] tbody tr[data-forum]").ToDictionary(
            tr => (Territory: tr.GetAttribute("data-territory")!, Forum: tr.GetAttribute("data-forum")!),
            tr => Number(tr.QuerySelector("td a")!.TextContent));
        // Brute force over the seed files: a record about two territories is one flow from each.
        var expected = Seed
            .SelectMany(r => (r.TerritorialCountries.Count == 0 ? ["_missing"] : r.TerritorialCountries.Distinct()).Select(t => (Territory: t, Forum: r.Forum.Country!)))
            .GroupBy(f => f).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(expected.OrderBy(e => e.Key), flows.OrderBy(e => e.Key));
    }

    [Fact]
    public async Task A_flow_links_to_the_search_for_its_records()
    {
        var (_, map) = await GetPageAsync("/map?crime=genocide");
        var row = map.QuerySelector("table[data-map-flows] tbody tr[data-forum]")!;
        var link = row.QuerySelector("td a")!;

        Assert.Equal($"/search?forum={row.GetAttribute("data-forum")}&territory={row.GetAttribute("data-territory")}&crime=genocide", link.GetAttribute("href"));
        var (_, search) = await GetPageAsync(link.GetAttribute("href")!);
        Assert.Equal(Number(link.TextContent), Number(search.QuerySelector(".total strong")!.TextContent));
    }

    [Fact]
    public async Task The_search_page_links_to_the_map_of_the_same_search_and_the_map_back_to_it()
    {
        var (_, search) = await GetPageAsync("/search?territory=SY&crime=torture&sort=name&page=2");
        var href = search.QuerySelectorAll(".result-bar a").Single(a => a.TextContent == "Map").GetAttribute("href");
        Assert.Equal("/map?territory=SY&crime=torture", href);

        var (_, map) = await GetPageAsync(href!);
        Assert.Contains(map.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/search?territory=SY&crime=torture");
        // The other view keeps the filters too.
        Assert.Contains(map.QuerySelectorAll("nav.map-views a"), a => a.GetAttribute("href") == "/map?territory=SY&crime=torture&view=territory");
    }

    [Fact]
    public async Task Selected_countries_are_marked_and_countries_without_records_are_not_links()
    {
        var (_, map) = await GetPageAsync("/map?forum=DE");

        Assert.Equal("DE", map.QuerySelector("table[data-map-counts] tr.selected")!.GetAttribute("data-value"));
        var counted = TableCounts(map).Where(c => c.Value > 0 && WorldShapes.Find(c.Key) is not null).Select(c => Countries.NameOf(c.Key)).ToHashSet();
        var named = MapLinks(map).Select(l => l.Name.Split(':')[0]).ToList();
        Assert.Equal(counted.Order(StringComparer.Ordinal), named.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("China", named);
    }

    [Fact]
    public async Task A_search_with_no_records_gives_an_empty_map_not_an_error()
    {
        var (status, map) = await GetPageAsync("/map?q=qwertyzzz");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(MapLinks(map));
        Assert.Contains("No records", map.QuerySelector("table[data-map-flows]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_map_uses_no_inline_style_or_script_and_fetches_nothing()
    {
        var (_, map) = await GetPageAsync("/map?forum=DE&view=territory");

        Assert.Empty(map.QuerySelectorAll("[style], style"));
        Assert.All(map.QuerySelectorAll("script"), s => Assert.StartsWith("/js/", s.GetAttribute("src"), StringComparison.Ordinal));
        // Every reference in the drawing is to the page itself: shapes reused by id, arrow markers, links to searches.
        var references = map.QuerySelectorAll("svg [href], svg [marker-end]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("marker-end")!).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.Matches(@"^(#shape-[A-Z]{2}|#map-land|url\(#flow-arrow(-inset)?\)|/search\?.*)$", r));
    }

    [Fact]
    public void The_map_counts_against_the_statistics_rate_limit()
    {
        var settings = new Setup.RateLimitSettings(300, 20, 60, 10);

        Assert.Equal(("stats", 60), Setup.RateLimits.Classify("/map", settings));
    }

    private static WorldMap Sample(params (string Code, long Count)[] counts) =>
        new(Core.Search.CaseQuery.Empty, MapView.Forum, counts.Sum(c => c.Count),
            counts.Select(c => new CountryCount(c.Code, c.Code == "_missing" ? "Not recorded" : Countries.NameOf(c.Code), c.Count, false, $"/search?forum={c.Code}", WorldShapes.Find(c.Code))).ToList(),
            [], "rule");

    [Fact]
    public void A_country_too_small_for_an_outline_is_a_dot_that_links_and_says_its_count()
    {
        var svg = new HtmlParser().ParseDocument("<body>" + MapSvg.Render(Sample(("MT", 3), ("DE", 7))) + "</body>");

        var malta = svg.QuerySelectorAll("a").Single(a => a.GetAttribute("aria-label") == "Malta: 3 records prosecuted");
        Assert.Equal("/search?forum=MT", malta.GetAttribute("href"));
        Assert.NotNull(malta.QuerySelector("circle"));
        Assert.NotNull(svg.QuerySelectorAll("a").Single(a => a.GetAttribute("aria-label") == "Germany: 7 records prosecuted").QuerySelector("path"));
    }

    [Fact]
    public void Countries_the_map_cannot_draw_are_listed_apart_and_not_recorded_is_not_one_of_them()
    {
        var map = Sample(("GF", 2), ("_missing", 4), ("DE", 7), ("CN", 0));

        Assert.Equal(["GF"], map.NotDrawn.Select(c => c.Code));
    }

    [Fact]
    public void The_shades_cover_every_count_from_one_to_the_largest_without_gaps_in_at_most_five_colours()
    {
        foreach (var max in new long[] { 1, 2, 3, 5, 6, 17, 70, 97, 1000, 123_456 })
        {
            var classes = MapScale.For(max).Classes;
            Assert.InRange(classes.Count, 1, 5);
            Assert.Equal(1, classes[0].From);
            Assert.Equal(max, classes[^1].To);
            Assert.All(classes.Zip(classes.Skip(1)), pair => Assert.Equal(pair.First.To + 1, pair.Second.From));
            Assert.Equal(classes.Count, classes.Select(c => c.Colour).Distinct().Count());
            Assert.Equal(classes[^1].Colour, MapScale.For(max).ColourOf(max));
        }

        Assert.Equal(MapScale.None, MapScale.For(10).ColourOf(0));
    }

    [Fact]
    public void Every_shape_is_a_country_of_the_vocabulary_and_every_forum_and_territory_of_the_seed_data_is_drawn()
    {
        Assert.All(WorldShapes.All, s => Assert.True(Countries.IsValid(s.Code), $"{s.Code} is not in countries.tsv"));
        var named = Seed.SelectMany(r => r.TerritorialCountries.Append(r.Forum.Country!)).Distinct();
        Assert.All(named, code => Assert.True(WorldShapes.Find(code) is { Path: not null }, $"{code} has no outline"));
        Assert.NotNull(WorldShapes.Find("XK"));
        Assert.True(WorldShapes.Find("MT") is { Path: null }, "Malta is a point");
    }
}
