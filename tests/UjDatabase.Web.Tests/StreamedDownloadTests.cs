using System.Globalization;
using System.Net;
using System.Text.Json;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace UjDatabase.Web.Tests;

/// <summary>Every download streams completely through real Kestrel, and the whole body parses.</summary>
public sealed class StreamedDownloadTests(KestrelApp app) : IClassFixture<KestrelApp>
{
    private async Task<long> TotalAsync(string query) =>
        JsonDocument.Parse(await app.Client.GetStringAsync($"/api/cases?{query}")).RootElement.GetProperty("total").GetInt64();

    [Theory]
    [InlineData("")]
    [InlineData("territory=SY")]
    public async Task The_json_export_completes_over_a_real_socket_and_parses_whole(string query)
    {
        using var response = await app.Client.GetAsync($"/api/cases/export?{query}&format=json");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(bytes);
        Assert.Equal(await TotalAsync(query), document.RootElement.GetArrayLength());
        Assert.Equal((byte)'\n', bytes[^1]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("crime=genocide")]
    public async Task The_json_lines_export_completes_over_a_real_socket_and_every_line_parses(string query)
    {
        using var response = await app.Client.GetAsync($"/api/cases/export?{query}&format=jsonl");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(line).RootElement.ValueKind));
        Assert.Equal(await TotalAsync(query), lines.Length);
    }

    [Fact]
    public async Task The_csv_export_completes_over_a_real_socket()
    {
        using var response = await app.Client.GetAsync("/api/cases/export?format=csv");
        using var reader = new CsvReader(new StreamReader(await response.Content.ReadAsStreamAsync()), CultureInfo.InvariantCulture);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(await TotalAsync(string.Empty), reader.GetRecords<dynamic>().Count());
    }

    [Fact]
    public async Task The_xlsx_export_completes_over_a_real_socket_and_opens()
    {
        using var response = await app.Client.GetAsync("/api/cases/export?format=xlsx");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(response.Content.Headers.ContentLength, bytes.LongLength);
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheet = (WorksheetPart)document.WorkbookPart!.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().First().Id!);
        Assert.Equal(await TotalAsync(string.Empty), sheet.Worksheet.Descendants<Row>().Count() - 1);
    }

    [Theory]
    [InlineData("/api/stats?by=forum&format=csv")]
    [InlineData("/api/stats?by=forum&format=xlsx")]
    [InlineData("/api/stats?by=forum&by=crime")]
    [InlineData("/api/stats/chart.svg?by=forum")]
    [InlineData("/feeds/cases.atom?forum=DE")]
    public async Task Statistics_charts_and_feeds_complete_over_a_real_socket(string url)
    {
        using var response = await app.Client.GetAsync(url);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(bytes);
    }
}
