using UjDatabase.Core.Languages;
using UjDatabase.Core.Export;
using UjDatabase.Core.Search;
using UjDatabase.Core.Statistics;
using UjDatabase.Web.Setup;
using UjDatabase.Web.Stats;

namespace UjDatabase.Web.Api;

/// <summary><c>/api/stats?…</c>: a statistics table of a search (JSON, CSV or XLSX) and <c>/api/stats/chart.svg</c> its chart.</summary>
public static class StatsApi
{
    public static IEndpointRouteBuilder MapStatsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/stats").WithTags("Statistics");
        group.MapGetAndHead("/", TableAsync)
            .WithName("Statistics")
            .WithSummary("A measure broken down by up to two dimensions, counted in one unit, over the records of a search")
            .WithDescription("Every count carries the address of the search listing its records. The counting rule is in the answer.")
            .WithQueryParameters(RouteParameters.StatisticsApi)
            .Produces<StatisticsTableJson>(StatusCodes.Status200OK, "application/json")
            .WithFileResponses("text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .ProducesValidationProblem();
        group.MapGetAndHead("/chart.svg", ChartAsync)
            .WithName("StatisticsChart")
            .WithSummary("The table as an accessible SVG chart")
            .WithQueryParameters(RouteParameters.Statistics)
            .WithFileResponses("image/svg+xml")
            .ProducesValidationProblem();
        group.MapGetAndHead("/review", ReviewAsync)
            .WithName("YearInReview")
            .WithSummary("The year in review as one XLSX workbook (a sheet per table) or one table as CSV")
            .WithQueryParameters(RouteParameters.ReviewExport)
            .WithFileResponses("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv")
            .ProducesValidationProblem();
        return app;
    }

    private static async Task<IResult> TableAsync(HttpContext context, StatisticsService statistics, Setup.SiteSettings site, CancellationToken cancellationToken)
    {
        var (request, parseErrors) = StatisticsService.Parse(context.Request);
        var errors = parseErrors.Concat(QueryFromRequest.Unknown(context.Request, RouteParameters.StatisticsApi)).ToList();
        var (format, repeated) = QueryFromRequest.OneValue(context.Request, "format");
        if (repeated is not null)
        {
            errors.Add(repeated);
        }
        else if (!string.IsNullOrEmpty(format) && format is not ("json" or "csv" or "xlsx"))
        {
            errors.Add(new QueryError("format", format, Texts.T("is not a statistics format (json, csv or xlsx)")));
        }

        if (request is null || errors.Count > 0)
        {
            return QueryFromRequest.Problem(errors);
        }

        var table = await statistics.CountAsync(request, cancellationToken);
        var baseUrl = site.BaseUrl;
        var fileName = StatisticsExport.FileName(table);
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
                return TypedResults.Ok(StatisticsExport.ToJsonModel(table, baseUrl, statistics.Now));
        }
    }

    private static async Task<IResult> ChartAsync(HttpContext context, StatisticsService statistics, Setup.SiteSettings site, CancellationToken cancellationToken)
    {
        var (request, parseErrors) = StatisticsService.Parse(context.Request);
        var errors = parseErrors.Concat(QueryFromRequest.Unknown(context.Request, RouteParameters.Statistics)).ToList();
        if (request is null || errors.Count > 0)
        {
            return QueryFromRequest.Problem(errors);
        }

        var table = await statistics.CountAsync(request, cancellationToken);
        return Results.Text(SvgChart.Render(table), "image/svg+xml; charset=utf-8");
    }

    private static async Task<IResult> ReviewAsync(HttpContext context, StatisticsService statistics, Setup.SiteSettings site, CancellationToken cancellationToken)
    {
        var (year, since, parseErrors) = statistics.ParseReview(context.Request);
        var errors = parseErrors.Concat(QueryFromRequest.Unknown(context.Request, RouteParameters.ReviewExport)).ToList();
        var (format, repeatedFormat) = QueryFromRequest.OneValue(context.Request, "format");
        var (tableText, repeatedTable) = QueryFromRequest.OneValue(context.Request, "table");
        errors.AddRange(new[] { repeatedFormat, repeatedTable }.OfType<QueryError>());
        if (format is not (null or "" or "xlsx" or "csv"))
        {
            errors.Add(new QueryError("format", format, Texts.T("is not a format of the review (xlsx, or csv with table=N)")));
        }

        var number = 0;
        if (!string.IsNullOrEmpty(tableText) && QueryParameters.TryReadInteger(RouteParameters.ReviewExport[^1], tableText, out number) is { } bad)
        {
            errors.Add(bad);
        }

        if (format == "csv" && string.IsNullOrEmpty(tableText))
        {
            errors.Add(new QueryError("table", string.Empty, Texts.T("is required with format=csv: the number of the table (1 for the first)")));
        }

        if (errors.Count > 0)
        {
            return QueryFromRequest.Problem(errors);
        }

        var review = await statistics.ReviewAsync(year, since, cancellationToken: cancellationToken);
        if (format == "csv")
        {
            if (number > review.Tables.Count)
            {
                return QueryFromRequest.Problem([new QueryError("table", tableText!, $"is past the last table ({review.Tables.Count})")]);
            }

            var table = review.Tables[number - 1];
            context.Response.ContentType = "text/csv; charset=utf-8";
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"{StatisticsExport.FileName(table)}.csv\"";
            await StatisticsExport.WriteCsvAsync(context.Response.Body, table);
            return Results.Empty;
        }

        var baseUrl = site.BaseUrl;
        using var buffer = new MemoryStream();
        // A review is a dozen small tables, so the workbook is built in memory.
        StatisticsExport.WriteXlsx(buffer, review.Tables, new ExportContext(baseUrl, $"year={year}&since={since}", Texts.T("Year in review {0}", year), statistics.Now), review.Headlines);
        return Results.File(buffer.ToArray(), CaseExporter.ContentType(ExportFormat.Xlsx), $"ujdatabase-year-in-review-{year}.xlsx");
    }
}
