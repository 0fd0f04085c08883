using UjDatabase.Core.Export;
using UjDatabase.Core.Search;

namespace UjDatabase.Web.Api;

/// <summary><c>/api/cases/export?format=csv|xlsx|json|jsonl&amp;…</c>: every record of a search, streamed.</summary>
public static class ExportApi
{
    public static IEndpointRouteBuilder MapExportApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/cases/export", ExportAsync)
            .WithTags("Cases")
            .WithName("ExportCases")
            .WithSummary("Export every record of a search as CSV, XLSX, JSON or JSON Lines")
            .ProducesValidationProblem();
        return app;
    }

    private static async Task<IResult> ExportAsync(HttpContext context, ISearchEngine engine, TimeProvider clock, CancellationToken cancellationToken)
    {
        var parsed = QueryFromRequest.Parse(context.Request);
        var formatText = context.Request.Query["format"].ToString();
        if (!CaseExporter.TryParseFormat(formatText.Length == 0 ? "csv" : formatText, out var format))
        {
            return QueryFromRequest.Problem([new QueryError("format", formatText, "is not an export format (csv, xlsx, json or jsonl)")]);
        }

        if (!parsed.IsValid)
        {
            return QueryFromRequest.Problem(parsed);
        }

        var query = parsed.Query.ForExport();
        var exportContext = new ExportContext($"{context.Request.Scheme}://{context.Request.Host}", query.ToQueryString(), query.Describe(), clock.GetUtcNow());
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
