using UjDatabase.Core.Search;

namespace UjDatabase.Web.Api;

/// <summary>
/// The parameters each route takes, built from the one declaration in <see cref="QueryParameters"/>. The API answers a
/// parameter it does not take with a 400 problem; pages show a notice. The OpenAPI document lists these too.
/// </summary>
public static class RouteParameters
{
    public static IReadOnlyList<ParameterDefinition> Search => QueryParameters.Search;

    /// <summary>An export is every record of the search, so it takes no page or size.</summary>
    public static IReadOnlyList<ParameterDefinition> Export { get; } =
        [.. QueryParameters.Search.Where(p => p != QueryParameters.Page && p != QueryParameters.Size), QueryParameters.Format("csv", "xlsx", "json", "jsonl")];

    /// <summary>A feed holds the newest records of the search, so it takes no order or paging.</summary>
    public static IReadOnlyList<ParameterDefinition> Feed { get; } =
        [.. QueryParameters.Search.Where(p => p != QueryParameters.Sort && p != QueryParameters.Page && p != QueryParameters.Size)];

    public static IReadOnlyList<ParameterDefinition> Statistics => QueryParameters.Statistics;

    /// <summary>The map is a view of the search's records, so it takes no order or paging, and says what it shades.</summary>
    public static IReadOnlyList<ParameterDefinition> Map { get; } = [.. Feed, UjDatabase.Web.Map.MapView.Parameter];

    public static IReadOnlyList<ParameterDefinition> StatisticsApi { get; } = [.. QueryParameters.Statistics, QueryParameters.Format("json", "csv", "xlsx")];

    public static ParameterDefinition ReviewYear { get; } = new("year", ParameterKind.WholeNumber, false, "The year under review (default: last year).") { Minimum = 1900, Maximum = 2200 };

    public static IReadOnlyList<ParameterDefinition> Review { get; } = [ReviewYear, QueryParameters.Since];

    public static IReadOnlyList<ParameterDefinition> ReviewExport { get; } = [ReviewYear, QueryParameters.Since, QueryParameters.Format("xlsx", "csv"), new("table", ParameterKind.WholeNumber, false, "For csv: the number of the table (1 for the first).") { Minimum = 1 }];
}
