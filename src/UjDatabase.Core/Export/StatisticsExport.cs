using System.Globalization;
using System.Text;
using System.Text.Json;
using UjDatabase.Core.Statistics;

namespace UjDatabase.Core.Export;

/// <summary>Writes a statistics table as CSV, XLSX (a sheet for the table, one for what it counts), JSON or Markdown.</summary>
public static class StatisticsExport
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<string> Headers(StatisticsTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var by = table.Request.By;
        var first = by.Count > 0 ? StatisticsCalculator.DimensionLabel(by[0]) : "Total";
        return [first, .. table.Columns.Select(c => c.Label), table.Columns.Count > 0 ? "Total" : "Count"];
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
            yield return ["Total (distinct)", .. table.ColumnTotals.Select(c => (object?)c.Count), table.Total.Count];
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

    public static void WriteXlsx(Stream output, IReadOnlyList<StatisticsTable> tables, ExportContext context)
    {
        ArgumentNullException.ThrowIfNull(tables);
        using var xlsx = new XlsxExport(output);
        var n = 0;
        foreach (var table in tables)
        {
            xlsx.AddSheet($"{++n} {table.Title}", Headers(table), Rows(table));
        }

        xlsx.AddSheet("About", ["field", "value"], tables.SelectMany((t, i) =>
            CaseExporter.AboutRows(context, t.RecordsRead, $"Table {i + 1} ({t.Title}): {t.Rule}")));
    }

    public static string ToJson(StatisticsTable table, string baseUrl, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(table);
        string Link(string query) => $"{baseUrl.TrimEnd('/')}/search{(query.Length == 0 ? string.Empty : "?" + query)}";
        var json = new
        {
            title = table.Title,
            rule = table.Rule,
            measure = MeasureRules.Code(table.Request.Measure),
            year = table.Request.Year,
            unit = StatisticsRequest.UnitCode(table.Request.Unit),
            by = table.Request.By,
            query = table.Request.ToQueryString(),
            columns = table.Columns.Select((c, i) => new { value = c.Value, label = c.Label, total = new { count = table.ColumnTotals[i].Count, records = Link(table.ColumnTotals[i].Query) } }),
            rows = table.Rows.Select(r => new
            {
                value = r.Key.Value,
                label = r.Key.Label,
                cells = r.Cells.Select(c => new { count = c.Count, records = Link(c.Query) }),
                total = new { count = r.Total.Count, records = Link(r.Total.Query) },
            }),
            total = new { count = table.Total.Count, records = Link(table.Total.Query) },
            empty = table.WhyEmpty,
            records_read = table.RecordsRead,
            generated_at = generatedAt,
        };
        return JsonSerializer.Serialize(json, JsonOptions);
    }

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
