using UjDatabase.Core.Languages;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Interchange;

namespace UjDatabase.Core.Export;

/// <summary>The formats a search or a table can be exported in.</summary>
public enum ExportFormat
{
    Csv,
    Xlsx,
    Json,
    Jsonl,
}

/// <summary>What an export says about itself: the site, the search it holds, and when it was made.</summary>
public sealed record ExportContext(string BaseUrl, string QueryString, string Description, DateTimeOffset GeneratedAt);

/// <summary>Exports the records of a search, streaming: memory holds one record (and, for XLSX, one row) at a time.</summary>
public static class CaseExporter
{
    public static bool TryParseFormat(string? text, out ExportFormat format)
    {
        format = text switch
        {
            "csv" => ExportFormat.Csv,
            "xlsx" => ExportFormat.Xlsx,
            "json" => ExportFormat.Json,
            "jsonl" => ExportFormat.Jsonl,
            _ => (ExportFormat)(-1),
        };
        return Enum.IsDefined(format);
    }

    public static string ContentType(ExportFormat format) => format switch
    {
        ExportFormat.Csv => "text/csv; charset=utf-8",
        ExportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ExportFormat.Json => "application/json; charset=utf-8",
        _ => "application/x-ndjson; charset=utf-8",
    };

    public static string Extension(ExportFormat format) => format.ToString().ToLowerInvariant();

    /// <summary>Writes the records and returns how many. XLSX is written synchronously (on a worker thread).</summary>
    public static async Task<long> WriteAsync(Stream output, ExportFormat format, IAsyncEnumerable<CaseRecord> records, ExportContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        switch (format)
        {
            case ExportFormat.Json:
                return await CaseFileWriter.WriteAsync(output, records, InterchangeFormat.Json, cancellationToken);
            case ExportFormat.Jsonl:
                return await CaseFileWriter.WriteAsync(output, records, InterchangeFormat.Jsonl, cancellationToken);
            case ExportFormat.Csv:
                var columns = RecordColumns.For(context.BaseUrl);
                long count = 0;
                await using (var csv = new CsvExport(output))
                {
                    await csv.WriteRowAsync(columns.Select(c => Texts.T(c.Header)));
                    await foreach (var record in records.WithCancellation(cancellationToken))
                    {
                        await csv.WriteRowAsync(columns.Select(c => c.Value(record)));
                        count++;
                    }
                }

                return count;
            default:
                return await WriteXlsxAsync(output, records, context, cancellationToken);
        }
    }

    /// <summary>The workbook, written to <paramref name="output"/> (a local file: the Open XML writer writes synchronously) as the records arrive.</summary>
    private static async Task<long> WriteXlsxAsync(Stream output, IAsyncEnumerable<CaseRecord> records, ExportContext context, CancellationToken cancellationToken)
    {
        var columns = RecordColumns.For(context.BaseUrl);
        long count = 0;
        using var xlsx = new XlsxExport(output);
        await xlsx.AddSheetAsync(Texts.T("Records"), columns.Select(c => Texts.T(c.Header)).ToList(), records.Select(record =>
        {
            count++;
            return (IReadOnlyList<object?>)columns.Select(c => c.Value(record)).ToList();
        }), cancellationToken);
        xlsx.AddSheet(Texts.T("About"), [Texts.T("field"), Texts.T("value")], AboutRows(context, count, rule: Texts.T("One row per record (one accused in one proceeding) that the search selects.")));
        return count;
    }

    /// <summary>The site's address prefix of the current language ("/fr"), so that links in a French export open French pages.</summary>
    public static string LocalPrefix => Texts.Current == Texts.English ? string.Empty : "/" + Texts.Current;

    /// <summary>The rows of the sheet that says what a workbook holds.</summary>
    public static IEnumerable<IReadOnlyList<object?>> AboutRows(ExportContext context, long count, string rule)
    {
        ArgumentNullException.ThrowIfNull(context);
        yield return [Texts.T("Search"), context.Description];
        yield return [Texts.T("Query"), context.QueryString.Length == 0 ? Texts.T("(all records)") : context.QueryString];
        yield return [Texts.T("Link"), $"{context.BaseUrl.TrimEnd('/')}{LocalPrefix}/search{(context.QueryString.Length == 0 ? string.Empty : "?" + context.QueryString)}"];
        yield return [Texts.T("Counting rule"), rule];
        yield return [Texts.T("Records"), count];
        yield return [Texts.T("Data as of"), context.GeneratedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture)];
        yield return [Texts.T("Source"), Texts.T("UjDatabase (interchange format v1); every record cites its sources")];
    }
}
