using UjDatabase.Core.Languages;
using UjDatabase.Core.Export;
using UjDatabase.Core.Search;
using UjDatabase.Web.Setup;

namespace UjDatabase.Web.Api;

/// <summary><c>/api/cases/export?format=csv|xlsx|json|jsonl&amp;…</c>: every record of a search, streamed.</summary>
public static class ExportApi
{
    public static IEndpointRouteBuilder MapExportApi(this IEndpointRouteBuilder app)
    {
        app.MapGetAndHead("/api/cases/export", ExportAsync)
            .WithTags("Cases")
            .WithName("ExportCases")
            .WithSummary("Export every record of a search as CSV, XLSX, JSON or JSON Lines")
            .WithDescription("Streams every record the search selects, in the search's order (by name when there are no words). JSON and JSON Lines are the interchange format v1.1; CSV and XLSX have one row per record.")
            .WithQueryParameters(RouteParameters.Export)
            .WithFileResponses("text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/json", "application/x-ndjson")
            .ProducesValidationProblem();
        return app;
    }

    private static async Task<IResult> ExportAsync(HttpContext context, ISearchEngine engine, TimeProvider clock, Setup.SiteSettings site, CancellationToken cancellationToken)
    {
        var parsed = QueryFromRequest.Parse(context.Request, RouteParameters.Export);
        var (formatText, repeated) = QueryFromRequest.OneValue(context.Request, "format");
        var errors = parsed.Errors.ToList();
        var format = ExportFormat.Csv;
        if (repeated is not null)
        {
            errors.Add(repeated);
        }
        else if (!string.IsNullOrEmpty(formatText) && !CaseExporter.TryParseFormat(formatText, out format))
        {
            errors.Add(new QueryError("format", formatText, Texts.T("is not an export format (csv, xlsx, json or jsonl)")));
        }

        if (errors.Count > 0)
        {
            return QueryFromRequest.Problem(errors);
        }

        var query = parsed.Query.ForExport();
        var exportContext = new ExportContext(site.BaseUrl, query.ToQueryString(), query.Describe(), clock.GetUtcNow());
        var fileName = $"ujdatabase-cases-{exportContext.GeneratedAt:yyyyMMdd}.{CaseExporter.Extension(format)}";
        context.Response.ContentType = CaseExporter.ContentType(format);
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";

        if (format != ExportFormat.Xlsx)
        {
            await CaseExporter.WriteAsync(context.Response.Body, format, engine.StreamAsync(query, cancellationToken), exportContext, cancellationToken);
            return Results.Empty;
        }

        // The XLSX writer writes synchronously, which Kestrel does not allow on the response: build it in a temporary
        // file, then send that.
        var path = Path.GetTempFileName();
        try
        {
            await using (var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024))
            {
                await CaseExporter.WriteAsync(file, format, engine.StreamAsync(query, cancellationToken), exportContext, cancellationToken);
            }

            await using var read = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.DeleteOnClose);
            path = null;
            context.Response.ContentLength = read.Length;
            await read.CopyToAsync(context.Response.Body, cancellationToken);
            return Results.Empty;
        }
        finally
        {
            if (path is not null)
            {
                File.Delete(path);
            }
        }
    }
}
