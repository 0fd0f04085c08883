using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace UjDatabase.Web.Tests;

/// <summary>A test that needs LibreOffice; skipped with the reason when it is not installed.</summary>
public sealed class LibreOfficeFactAttribute : FactAttribute
{
    public const string Soffice = "/usr/bin/soffice";

    public LibreOfficeFactAttribute()
    {
        if (!File.Exists(Soffice))
        {
            Skip = $"LibreOffice is not installed at {Soffice} (apt-get install -y libreoffice-calc-nogui; .ci/run does this).";
        }
    }
}

public sealed class ExportAndStatsTests(FreshAppFactory factory) : IClassFixture<FreshAppFactory>
{
    private async Task<List<string>> ApiIdsAsync(string queryString)
    {
        var ids = new List<string>();
        for (var page = 1; ; page++)
        {
            var json = JsonDocument.Parse(await factory.CreateClient().GetStringAsync($"/api/cases?{queryString}&size=100&page={page}")).RootElement;
            var items = json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();
            ids.AddRange(items);
            if (items.Count < 100)
            {
                return ids;
            }
        }
    }

    private static List<IDictionary<string, object>> ReadCsv(byte[] bytes)
    {
        using var reader = new CsvReader(new StreamReader(new MemoryStream(bytes)), CultureInfo.InvariantCulture);
        return reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
    }

    [Theory]
    [InlineData("territory=SY")]
    [InlineData("q=genocide&forum=FR&forum=BE")]
    [InlineData("")]
    public async Task The_csv_export_of_a_search_holds_exactly_its_records(string queryString)
    {
        var response = await factory.CreateClient().GetAsync($"/api/cases/export?{queryString}&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("attachment;", response.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        var rows = ReadCsv(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((await ApiIdsAsync(queryString)).Order(StringComparer.Ordinal), rows.Select(r => (string)r["id"]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_xlsx_export_of_a_search_holds_exactly_its_records()
    {
        var bytes = await factory.CreateClient().GetByteArrayAsync("/api/cases/export?forum=DE&format=xlsx");

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheet = (WorksheetPart)document.WorkbookPart!.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().First().Id!);
        var ids = sheet.Worksheet.Descendants<Row>().Skip(1).Select(r => r.Elements<Cell>().First().InlineString!.Text!.Text).ToList();
        Assert.Equal((await ApiIdsAsync("forum=DE")).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
    }

    [LibreOfficeFact]
    public async Task LibreOffice_opens_the_xlsx_and_converts_it_to_csv_without_loss()
    {
        var client = factory.CreateClient();
        var xlsx = await client.GetByteArrayAsync("/api/cases/export?territory=RW&format=xlsx");
        var csv = ReadCsv(await client.GetByteArrayAsync("/api/cases/export?territory=RW&format=csv"));
        var directory = Directory.CreateTempSubdirectory("ujdb-lo-");
        try
        {
            var input = Path.Combine(directory.FullName, "cases.xlsx");
            await File.WriteAllBytesAsync(input, xlsx);
            using var process = Process.Start(new ProcessStartInfo(LibreOfficeFactAttribute.Soffice,
                ["--headless", $"-env:UserInstallation=file://{directory.FullName}/profile", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", directory.FullName, input])
            // Numbers written as a reader in the C locale reads them, whatever this machine's locale.
            { RedirectStandardOutput = true, RedirectStandardError = true, Environment = { ["LC_ALL"] = "C.UTF-8" } })!;
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));

            var converted = ReadCsv(await File.ReadAllBytesAsync(Path.Combine(directory.FullName, "cases.csv")));
            Assert.Equal(csv.Count, converted.Count);
            foreach (var (expected, actual) in csv.Zip(converted))
            {
                foreach (var column in new[] { "id", "title", "accused_name", "summary", "charges", "events", "sentence_years" })
                {
                    Assert.Equal(expected[column], actual[column]);
                }
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_wrong_export_format_is_a_400_problem()
    {
        var response = await factory.CreateClient().GetAsync("/api/cases/export?format=pdf");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_statistics_api_returns_the_table_with_its_rule_and_the_records_behind_each_number()
    {
        var json = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/api/stats?measure=convicted&by=forum&by=year&territory=RW")).RootElement;

        Assert.Contains("convicted the accused", json.GetProperty("rule").GetString(), StringComparison.Ordinal);
        var france = json.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("value").GetString() == "FR");
        var total = france.GetProperty("total");
        var link = new Uri(total.GetProperty("records").GetString()!);
        Assert.Equal("/search", link.AbsolutePath);
        var listed = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/api/cases" + link.Query)).RootElement.GetProperty("total").GetInt64();
        Assert.Equal(total.GetProperty("count").GetInt64(), listed);
        Assert.Equal(json.GetProperty("columns").GetArrayLength(), france.GetProperty("cells").GetArrayLength());
    }

    [Fact]
    public async Task Statistics_export_as_csv_and_xlsx()
    {
        var client = factory.CreateClient();
        var csv = ReadCsv(await client.GetByteArrayAsync("/api/stats?by=crime&unit=charges&format=csv"));
        var xlsx = await client.GetByteArrayAsync("/api/stats?by=crime&unit=charges&format=xlsx");

        Assert.Contains(csv, r => (string)r["Crime"] == "Genocide");
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        Assert.Equal(2, document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Count());
    }

    [Theory]
    [InlineData("/api/stats?by=victims")]
    [InlineData("/api/stats?unit=people")]
    [InlineData("/api/stats?format=pdf")]
    public async Task Bad_statistics_parameters_are_a_400_problem(string url)
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await factory.CreateClient().GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task The_chart_is_an_accessible_svg()
    {
        var response = await factory.CreateClient().GetAsync("/api/stats/chart.svg?measure=convicted&by=year");

        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        XNamespace ns = "http://www.w3.org/2000/svg";
        // A line chart is a group whose points screen readers read one by one; a bar chart is one image.
        Assert.Equal("group", svg.Attribute("role")!.Value);
        Assert.Equal("Defendants convicted, by year", svg.Element(ns + "title")!.Value);
        Assert.Contains(svg.Descendants(ns + "g"), g => (string?)g.Attribute("role") == "listitem" && (string?)g.Attribute("aria-label") == "2022: 19");
        Assert.Contains("convicted the accused", svg.Element(ns + "desc")!.Value, StringComparison.Ordinal);
        Assert.Contains(svg.Descendants(ns + "text"), t => t.Value == "Year");
    }

    [Fact]
    public async Task The_statistics_page_prints_the_rule_and_links_every_number_to_its_records()
    {
        var html = await factory.CreateClient().GetStringAsync("/stats?measure=developments&year=2022&by=forum");
        var page = await new HtmlParser().ParseDocumentAsync(html);

        Assert.Contains("at least one of its events is dated in that year", page.QuerySelector(".rule")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("figure.chart svg[role=img]"));
        var links = page.QuerySelectorAll(".stats-table td a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, l => Assert.Contains("measure=developments&year=2022", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_year_in_review_gives_the_headline_figures_with_their_rules()
    {
        var (status, html) = (await factory.CreateClient().GetAsync("/stats/review?year=2022&since=2015")) is var response
            ? (response.StatusCode, await response.Content.ReadAsStringAsync())
            : default;
        var page = await new HtmlParser().ParseDocumentAsync(html);

        Assert.Equal(HttpStatusCode.OK, status);
        var labels = page.QuerySelectorAll(".headlines .figure-label").Select(l => l.TextContent).ToList();
        Assert.Equal(["Cases with developments", "New cases", "Defendants convicted", "Defendants acquitted", "Defendants on trial", "Prosecuting states"], labels.Take(6));
        Assert.StartsWith("Cases with civil-society involvement (", labels[6], StringComparison.Ordinal);
        Assert.Equal("Charges for sexual and gender-based violence", labels[7]);
        Assert.StartsWith("Median length of proceedings to a first-instance verdict (range ", labels[8], StringComparison.Ordinal);
        Assert.Matches(@"^\d+(\.5)? years$", page.QuerySelectorAll(".headlines .figure")[8].TextContent);
        Assert.Equal(11, page.QuerySelectorAll(".stats-table").Length);
        Assert.Contains("Defendants convicted, by year, 2015–2022", page.QuerySelectorAll("h2").Select(h => h.TextContent));
    }

    [Theory]
    [InlineData("/stats?q=qwertyzzz", "selects no records")]
    [InlineData("/stats?forum=AR&territory=SY", "selects no records")]
    [InlineData("/stats?measure=acquitted&year=2025&by=forum&territory=RW", "none of them counts under this rule in 2025")]
    public async Task An_empty_statistics_table_is_shown_with_the_reason_and_an_empty_chart(string url, string reason)
    {
        var response = await factory.CreateClient().GetAsync(url);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(reason, page.QuerySelector(".stats-table .notice")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Nothing to chart", page.QuerySelector("figure.chart svg")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/stats/chart.svg?by=crime&forum=AR&territory=SY")]
    [InlineData("/api/stats/chart.svg?by=year&q=qwertyzzz&measure=convicted")]
    [InlineData("/api/stats/chart.svg?q=qwertyzzz")]
    public async Task The_chart_of_an_empty_table_is_an_svg_that_says_why(string url)
    {
        var response = await factory.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Contains("selects no records", svg.Element(ns + "desc")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_statistics_link_of_an_empty_search_shows_an_empty_table()
    {
        var client = factory.CreateClient();
        var search = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/search?q=qwertyzzz&forum=DE"));
        var link = search.QuerySelector(".result-bar a[href^=\"/stats\"]")!.GetAttribute("href")!;

        var response = await client.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nothing counted", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_table_in_json_says_why_it_is_empty()
    {
        var json = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/api/stats?q=qwertyzzz&by=forum")).RootElement;

        Assert.Equal(0, json.GetProperty("total").GetProperty("count").GetInt64());
        Assert.Equal(0, json.GetProperty("rows").GetArrayLength());
        Assert.Contains("selects no records", json.GetProperty("empty").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_two_dimension_table_has_a_total_for_each_column()
    {
        var json = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/api/stats?by=forum&by=crime")).RootElement;
        var client = factory.CreateClient();

        foreach (var column in json.GetProperty("columns").EnumerateArray().Take(3))
        {
            var total = column.GetProperty("total");
            var listed = JsonDocument.Parse(await client.GetStringAsync("/api/cases" + new Uri(total.GetProperty("records").GetString()!).Query)).RootElement;
            Assert.Equal(total.GetProperty("count").GetInt64(), listed.GetProperty("total").GetInt64());
        }
    }

    [Fact]
    public async Task The_csv_export_says_what_each_accused_was_convicted_acquitted_and_charged_with()
    {
        var rows = ReadCsv(await factory.CreateClient().GetByteArrayAsync("/api/cases/export?format=csv&charge_stage=acquitted"));

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty((string)r["acquitted_of"])));
        foreach (var row in rows)
        {
            var convicted = ((string)row["convicted_of"]).Split("; ", StringSplitOptions.RemoveEmptyEntries);
            var charges = ((string)row["charges"]).Split("; ");
            Assert.All(convicted, crime => Assert.Contains($"{crime}:convicted", charges));
        }
    }

    [Fact]
    public async Task The_year_in_review_is_one_workbook_with_a_sheet_per_table_each_saying_what_it_counts()
    {
        var response = await factory.CreateClient().GetAsync("/api/stats/review?year=2022&since=2015&format=xlsx");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ujdatabase-year-in-review-2022.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
        var names = sheets.Select(s => s.Name!.Value!).ToList();
        Assert.Equal(["Headline figures", "1 By prosecuting state", "2 By crimes committed in", "3 By crime", "4 By accused nationality", "5 By affiliation", "6 By gender", "7 By topic", "8 By legal issue", "9 By reparation", "10 By crime (charges)", "11 By year", "About"], names);
        Assert.All(names, n => Assert.True(n.Length <= 31));
        foreach (var sheet in sheets.Skip(1).SkipLast(1))
        {
            var part = (WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!);
            var firstColumn = part.Worksheet.Descendants<Row>().Take(5).Select(r => r.Elements<Cell>().First().InlineString!.Text!.Text).ToList();
            Assert.Matches("(Cases|Defendants|Charges)", firstColumn[0]);
            Assert.Equal(["Year", "Unit", "Counting rule", "Records in the search"], firstColumn.Skip(1));
        }
    }

    [Fact]
    public async Task Each_table_of_the_review_downloads_as_csv_named_after_what_it_holds()
    {
        var client = factory.CreateClient();
        var response = await client.GetAsync("/api/stats/review?year=2022&format=csv&table=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ujdatabase-cases-with-developments-in-2022-by-prosecuting-state.csv", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var rows = ReadCsv(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains(rows, r => (string)r["Prosecuting state"] == "Germany");
    }

    [Fact]
    public async Task A_statistics_file_is_named_after_what_it_holds()
    {
        var response = await factory.CreateClient().GetAsync("/api/stats?measure=convicted&year=2022&by=forum&format=csv");

        Assert.Equal("ujdatabase-defendants-convicted-in-2022-by-prosecuting-state.csv", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
    }

    [LibreOfficeFact]
    public async Task LibreOffice_opens_the_year_in_review_workbook()
    {
        var xlsx = await factory.CreateClient().GetByteArrayAsync("/api/stats/review?year=2022&format=xlsx");
        var directory = Directory.CreateTempSubdirectory("ujdb-lo-");
        try
        {
            var input = Path.Combine(directory.FullName, "review.xlsx");
            await File.WriteAllBytesAsync(input, xlsx);
            using var process = Process.Start(new ProcessStartInfo(LibreOfficeFactAttribute.Soffice,
                ["--headless", $"-env:UserInstallation=file://{directory.FullName}/profile", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", directory.FullName, input])
            // Numbers written as a reader in the C locale reads them, whatever this machine's locale.
            { RedirectStandardOutput = true, RedirectStandardError = true, Environment = { ["LC_ALL"] = "C.UTF-8" } })!;
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));

            // With sheet -1, LibreOffice writes one CSV per sheet: every sheet opened. The review's tables are the year's
            // tables after its five headline ones, the sexual-violence charges and the convictions series; two more
            // sheets hold the headline figures and the notes.
            var files = Directory.GetFiles(directory.FullName, "review-*.csv");
            Assert.Equal(Core.Statistics.YearInReview.TablesOf(2022).Count - 5 + 2 + 2, files.Length);
            Assert.Contains(files, f => File.ReadAllText(f).Contains("Counting rule", StringComparison.Ordinal));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_number_counted_in_cases_leads_to_a_list_that_says_how_many_cases_its_records_make()
    {
        var client = factory.CreateClient();
        var stats = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/stats?measure=developments&year=2022&by=forum&unit=cases"));
        var cell = stats.QuerySelectorAll(".stats-table tbody tr").Select(r => r.QuerySelector("td a")).OfType<AngleSharp.Dom.IElement>().First();
        var count = long.Parse(cell.TextContent, CultureInfo.InvariantCulture);

        var list = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(cell.GetAttribute("href")!));

        var note = System.Text.RegularExpressions.Regex.Replace(list.QuerySelector(".unit-note")!.TextContent, @"\s+", " ");
        Assert.Contains($"a count of {count} case", note, StringComparison.Ordinal);
        var chip = list.QuerySelectorAll(".chips a.chip").Single(a => a.TextContent.StartsWith("With developments in 2022", StringComparison.Ordinal));
        Assert.DoesNotContain("measure=", chip.GetAttribute("href")!, StringComparison.Ordinal);
        Assert.DoesNotContain("year=", chip.GetAttribute("href")!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_statistic_behind_a_list_is_a_removable_chip()
    {
        var page = await new HtmlParser().ParseDocumentAsync(await factory.CreateClient().GetStringAsync("/search?measure=convicted&year=2022&forum=DE"));

        var chip = page.QuerySelectorAll(".chips a.chip").Single(a => a.TextContent.Contains("Convicted in 2022", StringComparison.Ordinal));
        Assert.Equal("/search?forum=DE", chip.GetAttribute("href"));
    }
}
