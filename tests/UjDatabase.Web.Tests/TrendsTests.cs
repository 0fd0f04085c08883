using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace UjDatabase.Web.Tests;

/// <summary>The charts over time on the statistics page and in the year in review, and the tables beside them.</summary>
public sealed class TrendsTests(FreshAppFactory factory) : IClassFixture<FreshAppFactory>
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly string[] Measures = ["developments", "new", "convicted", "acquitted"];

    private async Task<IDocument> PageAsync(string url)
    {
        var response = await factory.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The table beside the chart: its years, and per line the count in each year.</summary>
    private static (List<int> Years, List<string> Headers, List<List<long>> Counts) Table(IDocument page)
    {
        var table = page.QuerySelector(".trends-table table")!;
        var headers = table.QuerySelectorAll("thead th").Skip(1).Select(h => h.TextContent.Trim()).ToList();
        var rows = table.QuerySelectorAll("tbody tr").ToList();
        var years = rows.Select(r => int.Parse(r.QuerySelector("th")!.TextContent, CultureInfo.InvariantCulture)).ToList();
        var counts = headers.Select((_, i) => rows.Select(r => long.Parse(r.QuerySelectorAll("td")[i].TextContent.Trim(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture)).ToList()).ToList();
        return (years, headers, counts);
    }

    /// <summary>What a screen reader reads of the chart: per line, its name and its "year: value" items.</summary>
    private static List<(string Name, List<string> Items)> ChartLists(IDocument page)
    {
        var svg = XElement.Parse(page.QuerySelector("section.trends svg")!.OuterHtml);
        return svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("role") == "list")
            .Select(list => ((string)list.Attribute("aria-label")!, list.Elements(Svg + "g").Select(item => (string)item.Attribute("aria-label")!).ToList()))
            .ToList();
    }

    [Fact]
    public async Task The_charts_over_time_agree_with_the_statistics_tables_by_year()
    {
        var page = await PageAsync("/stats?forum=DE&crime=crimes_against_humanity");
        var (years, _, counts) = Table(page);
        var lists = ChartLists(page);

        Assert.Equal(2000, years[0]);
        Assert.Equal(DateTime.UtcNow.Year, years[^1]);
        Assert.Equal(Enumerable.Range(2000, years.Count), years);
        for (var m = 0; m < Measures.Length; m++)
        {
            var json = JsonDocument.Parse(await factory.CreateClient().GetStringAsync($"/api/stats?forum=DE&crime=crimes_against_humanity&measure={Measures[m]}&by=year")).RootElement;
            var byYear = json.GetProperty("rows").EnumerateArray().ToDictionary(r => int.Parse(r.GetProperty("value").GetString()!, CultureInfo.InvariantCulture), r => r.GetProperty("total").GetProperty("count").GetInt64());
            var expected = years.Select(y => byYear.GetValueOrDefault(y)).ToList();
            Assert.Equal(expected, counts[m]);
            Assert.Equal(years.Select((y, i) => $"{y}: {expected[i]}"), lists[m].Items);
        }

        Assert.True(counts.Sum(c => c.Sum()) > 0, "the search counts something");
    }

    [Fact]
    public async Task Every_number_of_the_table_over_time_links_to_the_records_behind_it()
    {
        var page = await PageAsync("/stats?forum=DE");
        var link = page.QuerySelectorAll(".trends-table td a").First(a => a.GetAttribute("href")!.Contains("measure=convicted", StringComparison.Ordinal));
        var count = long.Parse(link.TextContent, CultureInfo.InvariantCulture);

        var listed = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/api/cases" + new Uri("http://x" + link.GetAttribute("href")).Query)).RootElement;

        Assert.Contains("forum=DE", link.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal(count, listed.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task The_chart_over_time_gives_screen_readers_each_year_and_value_of_each_line()
    {
        var page = await PageAsync("/stats?territory=SY");
        var svg = XElement.Parse(page.QuerySelector("section.trends svg")!.OuterHtml);
        var lists = ChartLists(page);

        Assert.Equal("group", (string)svg.Attribute("role")!);
        Assert.StartsWith("Developments, new, convicted and acquitted by year, 2000–", svg.Element(Svg + "title")!.Value, StringComparison.Ordinal);
        Assert.Contains("(Crimes committed in: Syria)", svg.Element(Svg + "title")!.Value, StringComparison.Ordinal);
        Assert.Contains("convicted the accused", svg.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
        Assert.Equal(["Defendants with developments, by year", "New defendants, by year", "Defendants convicted, by year", "Defendants acquitted, by year"], lists.Select(l => l.Name));
        Assert.All(lists, l => Assert.Equal(DateTime.UtcNow.Year - 2000 + 1, l.Items.Count));
        Assert.Equal("2000: 0", lists[3].Items[0]);
        // Everything drawn besides the points is hidden from screen readers, which read the lists instead.
        Assert.All(svg.Elements().Where(e => e.Name.LocalName is "text" or "line" or "polyline"), e => Assert.Equal("true", (string?)e.Parent!.Attribute("aria-hidden") ?? (string?)e.Attribute("aria-hidden")));
    }

    [Fact]
    public async Task The_charts_over_time_count_in_the_unit_chosen()
    {
        var page = await PageAsync("/stats?forum=DE&unit=cases");

        Assert.Equal(["Cases with developments", "New cases", "Cases with a conviction", "Cases with an acquittal"], Table(page).Headers);
    }

    [Fact]
    public async Task The_charts_over_time_cover_the_years_of_the_search_when_it_gives_a_range()
    {
        var page = await PageAsync("/stats?territory=RW&from=1994&to=2010");

        Assert.Equal(Enumerable.Range(1994, 17), Table(page).Years);
        Assert.Equal("Over time, 1994–2010", page.QuerySelector("section.trends h2")!.TextContent);
    }

    [Theory]
    [InlineData("/stats?q=qwertyzzz", "selects no records")]
    [InlineData("/stats?territory=RW&from=1000&to=1001", "selects no records")]
    public async Task An_empty_chart_over_time_says_why_and_the_page_still_answers(string url, string reason)
    {
        var page = await PageAsync(url);

        Assert.Contains("Nothing to chart", page.QuerySelector("section.trends svg")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(reason, page.QuerySelector(".trends-table .notice")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_year_in_review_charts_the_years_up_to_it_and_its_last_row_is_the_headline_figures()
    {
        var page = await PageAsync("/stats/review?year=2022");
        var (years, headers, counts) = Table(page);
        var figures = page.QuerySelectorAll(".headlines li").Where(li => headers.Contains(li.QuerySelector(".figure-label")!.TextContent)).ToDictionary(
            li => li.QuerySelector(".figure-label")!.TextContent,
            li => long.Parse(li.QuerySelector(".figure")!.TextContent, NumberStyles.AllowThousands, CultureInfo.InvariantCulture));

        Assert.Equal(Enumerable.Range(2000, 23), years);
        Assert.Equal(["Cases with developments", "New cases", "Defendants convicted", "Defendants acquitted"], headers);
        Assert.Equal(headers.Select(h => figures[h]), counts.Select(c => c[^1]));
    }
}
