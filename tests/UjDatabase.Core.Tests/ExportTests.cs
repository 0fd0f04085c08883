using System.Globalization;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Export;
using UjDatabase.Tests;

namespace UjDatabase.Core.Tests;

public class ExportTests
{
    private static readonly ExportContext Context = new("https://ujdb.example", "forum=DE", "Prosecuting state: Germany", new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));

    private static readonly string[] Dangerous = ["=HYPERLINK(\"http://x\")", "+41 22 000", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"];

    private static CaseRecord Tricky(string id, string text) => SampleCases.Valid(id) with
    {
        Title = $"Title, with \"quotes\"\nand a line break",
        Accused = SampleCases.Valid().Accused with { Position = text },
        Summary = "Accents: Habré, Muñoz, Šarić.",
    };

    [Fact]
    public async Task Csv_is_rfc_4180_utf8_with_a_bom_and_reads_back_with_csvhelper()
    {
        var records = new[] { SampleCases.Valid("a-case"), Tricky("b-case", "Officer") };
        using var stream = new MemoryStream();

        await CaseExporter.WriteAsync(stream, ExportFormat.Csv, records.ToAsyncEnumerable(), Context);

        var bytes = stream.ToArray();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Contains("\r\n", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        using var reader = new CsvReader(new StreamReader(new MemoryStream(bytes), Encoding.UTF8), CultureInfo.InvariantCulture);
        var rows = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("https://ujdb.example/cases/a-case", rows[0]["url"]);
        Assert.Equal("Title, with \"quotes\"\nand a line break", rows[1]["title"]);
        Assert.Equal("Accents: Habré, Muñoz, Šarić.", rows[1]["summary"]);
        Assert.Equal("crimes_against_humanity:convicted", rows[0]["charges"]);
        Assert.Equal("4.5", rows[0]["sentence_years"]);
        Assert.Equal(RecordColumns.For("x").Select(c => c.Header), rows[0].Keys);
    }

    [Fact]
    public async Task Cells_that_a_spreadsheet_would_run_as_formulas_are_neutralised_in_csv()
    {
        var records = Dangerous.Select((text, n) => Tricky($"case-{n}", text)).ToArray();
        using var stream = new MemoryStream();

        await CaseExporter.WriteAsync(stream, ExportFormat.Csv, records.ToAsyncEnumerable(), Context);

        stream.Position = 0;
        using var reader = new CsvReader(new StreamReader(stream), CultureInfo.InvariantCulture);
        var positions = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().Select(r => (string)r["position"]).ToList();
        Assert.Equal(Dangerous.Select(d => "'" + d), positions);
    }

    [Fact]
    public async Task Xlsx_has_typed_cells_a_frozen_header_and_a_sheet_saying_what_it_holds()
    {
        var records = new[] { SampleCases.Valid("a-case"), Tricky("b-case", "=1+1") };
        using var stream = new MemoryStream();

        await CaseExporter.WriteAsync(stream, ExportFormat.Xlsx, records.ToAsyncEnumerable(), Context);

        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["Records", "About"], sheets.Select(s => s.Name!.Value));
        var records0 = (WorksheetPart)workbook.GetPartById(sheets[0].Id!);
        var rows = records0.Worksheet.Descendants<Row>().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(PaneStateValues.Frozen, records0.Worksheet.Descendants<Pane>().Single().State!.Value);
        var headers = rows[0].Elements<Cell>().Select(Text).ToList();
        Assert.Equal(RecordColumns.For("x").Select(c => c.Header), headers);
        // Empty cells are not written, so cells are found by their column, not their position.
        Cell At(Row row, string header) => row.Elements<Cell>().Single(c => c.CellReference!.Value == Column(headers.IndexOf(header) + 1) + row.RowIndex!.Value);
        var years = At(rows[1], "sentence_years");
        Assert.Equal(CellValues.Number, years.DataType!.Value);
        Assert.Equal("4.5", years.CellValue!.Text);
        Assert.Equal("'=1+1", Text(At(rows[2], "position")));
        var about = ((WorksheetPart)workbook.GetPartById(sheets[1].Id!)).Worksheet.Descendants<Row>()
            .ToDictionary(r => Text(r.Elements<Cell>().First()), r => r.Elements<Cell>().Last());
        Assert.Equal("forum=DE", Text(about["Query"]));
        Assert.Equal("2", about["Records"].CellValue!.Text);
        Assert.Contains("Counting rule", about.Keys);
        Assert.Contains("Data as of", about.Keys);
    }

    [Fact]
    public async Task Json_and_json_lines_exports_are_the_interchange_format()
    {
        foreach (var format in new[] { ExportFormat.Json, ExportFormat.Jsonl })
        {
            using var stream = new MemoryStream();
            await CaseExporter.WriteAsync(stream, format, new[] { SampleCases.Valid() }.ToAsyncEnumerable(), Context);
            stream.Position = 0;

            var item = Assert.Single(Interchange.CaseFileReader.Read(stream));
            Assert.Empty(Interchange.CaseDecoder.Decode(item.Json!.Value).Problems);
        }
    }

    private static string Text(Cell cell) => cell.InlineString?.Text?.Text ?? cell.CellValue?.Text ?? string.Empty;

    private static string Column(int number)
    {
        var name = string.Empty;
        for (; number > 0; number = (number - 1) / 26)
        {
            name = (char)('A' + ((number - 1) % 26)) + name;
        }

        return name;
    }
}
