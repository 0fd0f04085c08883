using UjDatabase.Core.Languages;
using System.Globalization;
using System.Text;
using System.Text.Json;
using UjDatabase.Core.Statistics;

namespace UjDatabase.Core.Export;

/// <summary>Writes a statistics table as CSV, XLSX (a sheet for the table, one for what it counts), JSON or Markdown.</summary>
public static class StatisticsExport
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IReadOnlyList<string> Headers(StatisticsTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var by = table.Request.By;
        var first = by.Count > 0 ? StatisticsCalculator.DimensionLabel(by[0]) : Texts.T("Total");
        return [first, .. table.Columns.Select(c => c.Label), Texts.T(table.Columns.Count > 0 ? "Total" : "Count")];
    }

    public static IEnumerable<IReadOnlyList<object?>> Rows(StatisticsTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        foreach (var row in table.Rows)
        {
            yield return [row.Key.Label, .. row.Cells.Select(c => (object?)c.Count), row.Total.Count];
        }

        if (table.Request.By.Count > 0)
        {
            yield return [Texts.T("Total (distinct)"), .. table.ColumnTotals.Select(c => (object?)c.Count), table.Total.Count];
        }
    }

    public static async Task WriteCsvAsync(Stream output, StatisticsTable table)
    {
        await using var csv = new CsvExport(output);
        await csv.WriteRowAsync(Headers(table));
        foreach (var row in Rows(table))
        {
            await csv.WriteRowAsync(row);
        }
    }

    /// <summary>
    /// A workbook: optionally a sheet of headline figures, then a sheet per table, each opening with its title, year,
    /// unit and counting rule above the table, then a sheet saying what the workbook holds.
    /// </summary>
    public static void WriteXlsx(Stream output, IReadOnlyList<StatisticsTable> tables, ExportContext context, IReadOnlyList<ReviewFigure>? headlines = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(context);
        using var xlsx = new XlsxExport(output);
        string Link(string query) => $"{context.BaseUrl.TrimEnd('/')}{CaseExporter.LocalPrefix}/search{(query.Length == 0 ? string.Empty : "?" + query)}";
        if (headlines is not null)
        {
            xlsx.AddSheet(
                Texts.T("Headline figures"),
                [[Texts.T("Headline figures: {0}", context.Description)]],
                [Texts.T("Figure"), Texts.T("Count"), Texts.T("Counting rule"), Texts.T("Records")],
                headlines.Select(h => (IReadOnlyList<object?>)[h.Label, h.Value is null ? h.Count : h.Value, h.Rule, Link(h.Query)]));
        }

        var n = 0;
        foreach (var table in tables)
        {
            xlsx.AddSheet(SheetName(++n, table), Preamble(table), Headers(table), Rows(table));
        }

        xlsx.AddSheet(Texts.T("About"), [Texts.T("field"), Texts.T("value")], tables.SelectMany((t, i) =>
            CaseExporter.AboutRows(context, t.RecordsSelected, Texts.T("Table {0} ({1}): {2}", i + 1, t.Title, t.Rule))));
    }

    /// <summary>What a sheet says above its table: title, year, unit, rule and how many records were read.</summary>
    public static IReadOnlyList<IReadOnlyList<object?>> Preamble(StatisticsTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return
        [
            [table.Title],
            [Texts.T("Year"), table.Request.Year is { } year ? year : Texts.T(table.Request.By.Contains(StatisticsRequest.YearDimension) ? "by year" : "all years")],
            [Texts.T("Unit"), StatisticsRequest.UnitCode(table.Request.Unit)],
            [Texts.T("Counting rule"), table.Rule],
            [Texts.T("Records in the search"), table.RecordsSelected],
        ];
    }

    /// <summary>A sheet name Excel accepts (31 characters at most) that says which table it holds: "3 By crime".</summary>
    public static string SheetName(int number, StatisticsTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var by = table.Request.By.Count == 0 ? Texts.T("Total") : Texts.T("By {0}", string.Join(" & ", table.Request.By.Select(b => Texts.InSentence(StatisticsCalculator.DimensionLabel(b)))));
        // Counted in charges, a table beside others by the same dimension says so ("10 By crime (charges)").
        var unit = table.Request.Unit == CountUnit.Charges ? Texts.T(" (charges)") : string.Empty;
        var name = string.Create(CultureInfo.InvariantCulture, $"{number} {by}{unit}");
        return name.Length <= 31 ? name : name[..31];
    }

    /// <summary>A file name that says what the table holds: <c>ujdatabase-defendants-convicted-in-2024-by-prosecuting-state</c>.</summary>
    public static string FileName(StatisticsTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return "ujdatabase-" + Slug(table.Title);
    }

    /// <summary>Lower-case letters and digits joined by hyphens, accents dropped.</summary>
    public static string Slug(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = Search.QueryText.Tokenize(text);
        var slug = string.Join('-', words);
        return slug.Length <= 100 ? slug : slug[..100].TrimEnd('-');
    }

    /// <summary>The table as the API and <c>ujdb stats --format json</c> give it: every count with the address of its records.</summary>
    public static StatisticsTableJson ToJsonModel(StatisticsTable table, string baseUrl, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(baseUrl);
        CountJson Count(TableCell cell) => new(cell.Count, $"{baseUrl.TrimEnd('/')}/search{(cell.Query.Length == 0 ? string.Empty : "?" + cell.Query)}");
        return new StatisticsTableJson(
            table.Title,
            table.Rule,
            MeasureRules.Code(table.Request.Measure),
            table.Request.Year,
            StatisticsRequest.UnitCode(table.Request.Unit),
            table.Request.By,
            table.Request.ToQueryString(),
            table.Columns.Select((c, i) => new ColumnJson(c.Value, c.Label, Count(table.ColumnTotals[i]))).ToList(),
            table.Rows.Select(r => new RowJson(r.Key.Value, r.Key.Label, r.Cells.Select(Count).ToList(), Count(r.Total))).ToList(),
            Count(table.Total),
            table.WhyEmpty,
            table.RecordsSelected,
            generatedAt);
    }

    public static string ToJson(StatisticsTable table, string baseUrl, DateTimeOffset generatedAt) =>
        JsonSerializer.Serialize(ToJsonModel(table, baseUrl, generatedAt), JsonOptions);

    public static string ToMarkdown(StatisticsTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var text = new StringBuilder();
        text.Append("## ").Append(table.Title).Append("\n\n");
        var headers = Headers(table);
        text.Append("| ").Append(string.Join(" | ", headers)).Append(" |\n");
        text.Append('|').Append(string.Concat(headers.Select((_, i) => i == 0 ? "---|" : "---:|"))).Append('\n');
        foreach (var row in Rows(table))
        {
            text.Append("| ").Append(string.Join(" | ", row.Select(v => v is null ? string.Empty : Convert.ToString(v, CultureInfo.InvariantCulture)!.Replace("|", "\\|", StringComparison.Ordinal)))).Append(" |\n");
        }

        return text.Append("\nCounting rule: ").Append(table.Rule).Append('\n').ToString();
    }
}

/// <summary>A count and the address listing the records behind it.</summary>
public sealed record CountJson(long Count, string Records);

/// <summary>A column of a two-dimension table: its value, label and total.</summary>
public sealed record ColumnJson(string Value, string Label, CountJson Total);

/// <summary>A row: its value, label, one count per column, and its total.</summary>
public sealed record RowJson(string Value, string Label, IReadOnlyList<CountJson> Cells, CountJson Total);

/// <summary>A statistics table as JSON: what it counts, by which rule, and every count with its records.</summary>
public sealed record StatisticsTableJson(
    string Title,
    string Rule,
    string Measure,
    int? Year,
    string Unit,
    IReadOnlyList<string> By,
    string Query,
    IReadOnlyList<ColumnJson> Columns,
    IReadOnlyList<RowJson> Rows,
    CountJson Total,
    string? Empty,
    long RecordsSelected,
    DateTimeOffset GeneratedAt);
