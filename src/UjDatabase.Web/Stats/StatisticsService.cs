using UjDatabase.Core.Search;
using UjDatabase.Core.Statistics;
using UjDatabase.Web.Api;

namespace UjDatabase.Web.Stats;

/// <summary>Counts statistics over the search engine's records: the page, the API and the exports share it.</summary>
public sealed class StatisticsService(ISearchEngine engine, TimeProvider clock)
{
    /// <summary>The first year of the convictions series unless another is asked for.</summary>
    public const int DefaultSince = 2015;

    public int CurrentYear => clock.GetUtcNow().Year;

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<StatisticsTable> CountAsync(StatisticsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (await CountAsync([request], cancellationToken))[0];
    }

    /// <summary>
    /// Several tables over the same search, counted in one pass over the index's facts of the records that can count in
    /// them; the store is not read.
    /// </summary>
    public async Task<IReadOnlyList<StatisticsTable>> CountAsync(IReadOnlyList<StatisticsRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var search = requests[0].BaseQuery;
        var selected = await engine.CountAsync(search, cancellationToken);
        return await StatisticsCalculator.CountAsync(requests, engine.FactsAsync(search, StatisticsCalculator.RulesOf(requests), cancellationToken), CurrentYear, selected, cancellationToken);
    }

    /// <summary>A table and the charts over time of the same search (in the table's unit), counted in one pass.</summary>
    public async Task<(StatisticsTable Table, Trends Trends)> CountWithTrendsAsync(StatisticsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var series = Trends.InUnit(request.Unit);
        var tables = await CountAsync([request, .. Trends.Requests(request.Query, series)], cancellationToken);
        var (from, to) = Trends.Range(request.BaseQuery, CurrentYear);
        return (tables[0], new Trends(request.BaseQuery, from, to, series, tables.Skip(1).ToList()));
    }

    /// <summary>
    /// The year in review: every table of the year (and, with <paramref name="overTime"/>, the charts over time up to
    /// it) in one pass, then the convictions series and the figures over parts of the records. The charts count every
    /// record in every year, so the downloads, which do not show them, leave them out.
    /// </summary>
    public async Task<YearInReview> ReviewAsync(int year, int since, bool overTime = false, CancellationToken cancellationToken = default)
    {
        var ofTheYear = YearInReview.TablesOf(year);
        var counted = await CountAsync([.. ofTheYear, .. overTime ? Trends.Requests(CaseQuery.Empty, Trends.AsInTheReview) : []], cancellationToken);
        var tables = counted.Take(ofTheYear.Count).ToList();
        var (from, to) = Trends.Range(CaseQuery.Empty, year);
        var trends = overTime ? new Trends(CaseQuery.Empty, from, to, Trends.AsInTheReview, counted.Skip(ofTheYear.Count).ToList()) : null;
        var series = await CountAsync(YearInReview.ConvictionsSince(since, year), cancellationToken);
        var civilSociety = await CountAsync(YearInReview.CivilSocietyInvolvement(year), cancellationToken);
        var sexualViolence = await CountAsync(YearInReview.SexualViolenceCharges(year), cancellationToken);
        var proceedings = await YearInReview.ProceedingsLengthAsync(year, engine.FactsAsync(YearInReview.VerdictsIn(year), cancellationToken: cancellationToken), cancellationToken);
        return YearInReview.From(year, since, tables, series, civilSociety, sexualViolence, proceedings) with { Trends = trends };
    }

    /// <summary>Reads a statistics request from the URL (same parameters as the search, plus measure, year, by, unit).</summary>
    public static (StatisticsRequest? Request, IReadOnlyList<QueryError> Errors) Parse(HttpRequest request) =>
        StatisticsRequest.Parse(QueryFromRequest.Pairs(request));

    /// <summary>Reads the year in review's year and starting year: defaults when absent, a problem for each bad value.</summary>
    public (int Year, int Since, IReadOnlyList<QueryError> Errors) ParseReview(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<QueryError>();
        int Read(ParameterDefinition parameter, int fallback)
        {
            var (text, repeated) = QueryFromRequest.OneValue(request, parameter.Name);
            if (repeated is not null)
            {
                errors.Add(repeated);
                return fallback;
            }

            if (string.IsNullOrEmpty(text))
            {
                return fallback;
            }

            var error = QueryParameters.TryReadInteger(parameter, text, out var value);
            if (error is not null)
            {
                errors.Add(error);
                return fallback;
            }

            return value;
        }

        var year = Read(RouteParameters.ReviewYear, CurrentYear - 1);
        var since = Read(QueryParameters.Since, DefaultSince);
        if (errors.Count == 0 && since > year)
        {
            errors.Add(new QueryError("since", since.ToString(System.Globalization.CultureInfo.InvariantCulture), $"is after the year under review ({year}); the series runs from since to year"));
        }

        return (year, since, errors);
    }
}
