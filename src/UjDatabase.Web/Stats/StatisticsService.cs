using UjDatabase.Core.Search;
using UjDatabase.Core.Statistics;

namespace UjDatabase.Web.Stats;

/// <summary>Counts statistics over the search engine's records: the page, the API and the exports share it.</summary>
public sealed class StatisticsService(ISearchEngine engine, TimeProvider clock)
{
    public int CurrentYear => clock.GetUtcNow().Year;

    public DateTimeOffset Now => clock.GetUtcNow();

    public Task<StatisticsTable> CountAsync(StatisticsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return StatisticsCalculator.CountAsync(request, engine.StreamAsync(request.BaseQuery, cancellationToken), CurrentYear, cancellationToken);
    }

    /// <summary>Several tables over the same search, counted in one pass over its records.</summary>
    public Task<IReadOnlyList<StatisticsTable>> CountAsync(IReadOnlyList<StatisticsRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        return StatisticsCalculator.CountAsync(requests, engine.StreamAsync(requests[0].BaseQuery, cancellationToken), CurrentYear, cancellationToken);
    }

    /// <summary>Reads a statistics request from the URL (same parameters as the search, plus measure, year, by, unit).</summary>
    public static (StatisticsRequest? Request, IReadOnlyList<QueryError> Errors) Parse(HttpRequest request) =>
        StatisticsRequest.Parse(Api.QueryFromRequest.Pairs(request));
}
