using UjDatabase.Core.Export;
using UjDatabase.Core.Search;
using UjDatabase.Core.Statistics;
using UjDatabase.Web.Stats;

namespace UjDatabase.Web.Api;

/// <summary><c>/api/stats?…</c>: a statistics table of a search (JSON, CSV or XLSX) and <c>/api/stats/chart.svg</c> its chart.</summary>
public static class StatsApi
{
    public static IEndpointRouteBuilder MapStatsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/stats").WithTags("Statistics");
        group.MapGet("/", TableAsync)
            .WithName("Statistics")
            .WithSummary("A measure broken down by up to two dimensions, counted in one unit, over the records of a search")
            .WithDescription("Search parameters as /api/cases; measure (records, developments, new, convicted, acquitted, on_trial), year, by (a facet or year; repeat for two), unit (defendants, cases, charges), format (json, csv, xlsx). Every count carries the search listing its records.")
            .ProducesValidationProblem();
        group.MapGet("/chart.svg", ChartAsync).WithName("StatisticsChart").WithSummary("The table as an SVG chart").ProducesValidationProblem();
        return app;
    }

    private static async Task<IResult> TableAsync(HttpContext context, StatisticsService statistics, CancellationToken cancellationToken)
    {
        var (request, errors) = StatisticsService.Parse(context.Request);
        var format = context.Request.Query["format"].ToString();
        if (format.Length > 0 && format is not ("json" or "csv" or "xlsx"))
        {
            errors = [.. errors, new QueryError("format", format, "is not a statistics format (json, csv or xlsx)")];
        }

        if (request is null || errors.Count > 0)
        {
            return QueryFromRequest.Problem(errors);
        }

        var table = await statistics.CountAsync(request, cancellationToken);
        var baseUrl = $"{context.Request.Scheme}://{context.Request.Host}";
        var fileName = $"ujdatabase-stats-{statistics.Now:yyyyMMdd}";
        switch (format)
        {
            case "csv":
                context.Response.ContentType = "text/csv; charset=utf-8";
                context.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}.csv\"";
                await StatisticsExport.WriteCsvAsync(context.Response.Body, table);
                return Results.Empty;
            case "xlsx":
                using (var buffer = new MemoryStream())
                {
                    // A statistics table is small (rows are dimension values, not records), so it is built in memory.
                    StatisticsExport.WriteXlsx(buffer, [table], new ExportContext(baseUrl, request.ToQueryString(), request.Query.Describe(), statistics.Now));
                    return Results.File(buffer.ToArray(), CaseExporter.ContentType(ExportFormat.Xlsx), $"{fileName}.xlsx");
                }

            default:
                return Results.Text(StatisticsExport.ToJson(table, baseUrl, statistics.Now), "application/json; charset=utf-8");
        }
    }

    private static async Task<IResult> ChartAsync(HttpContext context, StatisticsService statistics, CancellationToken cancellationToken)
    {
        var (request, errors) = StatisticsService.Parse(context.Request);
        if (request is null)
        {
            return QueryFromRequest.Problem(errors);
        }

        var table = await statistics.CountAsync(request, cancellationToken);
        return Results.Text(SvgChart.Render(table), "image/svg+xml; charset=utf-8");
    }
}
