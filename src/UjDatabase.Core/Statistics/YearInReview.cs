using UjDatabase.Core.Languages;
using UjDatabase.Core.Search;

namespace UjDatabase.Core.Statistics;

/// <summary>A headline figure of the year in review, with its rule and the search listing the records behind it.</summary>
public sealed record ReviewFigure(string Label, long Count, string Query, string Rule)
{
    /// <summary>The figure as shown when it is not the count itself (a share, a length in years); null to show the count.</summary>
    public string? Value { get; init; }

    /// <summary>What the figure shows: <see cref="Value"/>, or the count.</summary>
    public string Shown => Value ?? Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// The figures and tables an annual review of one year needs (as TRIAL International's Universal Jurisdiction Annual
/// Review publishes them): headline figures, tables by state, territory, crime, nationality, affiliation and gender,
/// and convictions by year since a chosen year. Every table names its unit in its title.
/// </summary>
public sealed record YearInReview(int Year, int Since, IReadOnlyList<ReviewFigure> Headlines, IReadOnlyList<StatisticsTable> Tables)
{
    /// <summary>Developments, new cases, convictions and acquittals by year up to the year under review.</summary>
    public Trends? Trends { get; init; }

    /// <summary>The dimensions of the year's tables, after the one by prosecuting state (counted in cases, as the review counts them).</summary>
    private static readonly FacetDefinition[] Breakdowns =
        [FacetCatalogue.Territory, FacetCatalogue.Crime, FacetCatalogue.Nationality, FacetCatalogue.Affiliation, FacetCatalogue.Gender, FacetCatalogue.Topic, FacetCatalogue.LegalIssue, FacetCatalogue.Reparation];

    /// <summary>
    /// The tables of the year, all over every record, so that one pass counts them: five headline measures, then the
    /// breakdowns. Keep <see cref="From"/> in step with this order.
    /// </summary>
    public static IReadOnlyList<StatisticsRequest> TablesOf(int year)
    {
        StatisticsRequest Request(Measure measure, CountUnit unit, params string[] by) => new(CaseQuery.Empty, measure, year, by, unit);
        return
        [
            Request(Measure.Developments, CountUnit.Cases),
            Request(Measure.New, CountUnit.Cases),
            Request(Measure.Convicted, CountUnit.Defendants),
            Request(Measure.Acquitted, CountUnit.Defendants),
            Request(Measure.OnTrial, CountUnit.Defendants),
            Request(Measure.Developments, CountUnit.Cases, FacetCatalogue.Forum.Name),
            .. Breakdowns.Select(facet => Request(Measure.Developments, CountUnit.Defendants, facet.Name)),
        ];
    }

    /// <summary>Convictions by year from <paramref name="since"/> to <paramref name="year"/>.</summary>
    public static StatisticsRequest ConvictionsSince(int since, int year) =>
        new(CaseQuery.Empty with { FromYear = since, ToYear = year }, Measure.Convicted, null, [StatisticsRequest.YearDimension], CountUnit.Defendants);

    /// <summary>Cases with developments in the year in which a civil-society organisation played any recorded role.</summary>
    public static StatisticsRequest CivilSocietyInvolvement(int year) =>
        new(CaseQuery.Empty.WithFilter(FacetCatalogue.CivilSociety.Name, FacetCatalogue.CivilSociety.Allowed), Measure.Developments, year, [], CountUnit.Cases);

    /// <summary>Charges for sexual and gender-based violence (charges that name the topic) in records with developments in the year, by crime.</summary>
    public static StatisticsRequest SexualViolenceCharges(int year) =>
        new(CaseQuery.Empty.WithFilter(FacetCatalogue.Topic.Name, [SexualViolence]), Measure.Developments, year, [FacetCatalogue.Crime.Name], CountUnit.Charges);

    private const string SexualViolence = "sexual_gender_based_violence";

    /// <summary>The review from the counted tables (in <see cref="TablesOf"/> order), the convictions series and the further figures.</summary>
    public static YearInReview From(int year, int since, IReadOnlyList<StatisticsTable> counted, StatisticsTable convictionsSince, StatisticsTable civilSociety, StatisticsTable sexualViolence, ReviewFigure proceedings)
    {
        ArgumentNullException.ThrowIfNull(counted);
        ArgumentNullException.ThrowIfNull(convictionsSince);
        ArgumentNullException.ThrowIfNull(civilSociety);
        ArgumentNullException.ThrowIfNull(sexualViolence);
        var (developments, fresh, convicted, acquitted, onTrial, byForum) = (counted[0], counted[1], counted[2], counted[3], counted[4], counted[5]);
        ReviewFigure Figure(string label, StatisticsTable table) => new(Texts.T(label), table.Total.Count, table.Total.Query, table.Rule);
        var states = byForum.Rows.Where(r => r.Key.Value != FacetCatalogue.Missing).ToList();
        return new YearInReview(
            year,
            since,
            [
                Figure("Cases with developments", developments),
                Figure("New cases", fresh),
                Figure("Defendants convicted", convicted),
                Figure("Defendants acquitted", acquitted),
                Figure("Defendants on trial", onTrial),
                new(Texts.T("Prosecuting states"), states.Count, developments.Total.Query, Texts.T("States with at least one case with developments in the year (the rows of the table by prosecuting state).")),
                new(Texts.T("Cases with civil-society involvement ({0} of cases with developments)", Share(civilSociety.Total.Count, developments.Total.Count)), civilSociety.Total.Count, civilSociety.Total.Query,
                    civilSociety.Rule + " " + Texts.T("A case counts when a civil-society organisation is recorded in any role (complainant, civil party, support to witnesses, documentation, trial monitoring, other); the share is of all cases with developments in the year.")),
                new(Texts.T("Charges for sexual and gender-based violence"), sexualViolence.Total.Count, sexualViolence.Total.Query, sexualViolence.Rule),
                proceedings,
            ],
            [.. counted.Skip(5), sexualViolence, convictionsSince]);
    }

    private static string Share(long part, long whole) =>
        whole == 0 ? Texts.T("no") : Texts.T("{0:0}%", Math.Round(100.0 * part / whole));

    /// <summary>The search behind the length of proceedings: records with a first-instance verdict in the year.</summary>
    public static CaseQuery VerdictsIn(int year) => CaseQuery.Empty with { EventType = FirstInstanceVerdict, FromYear = year, ToYear = year };

    private const string FirstInstanceVerdict = "verdict_first_instance";

    /// <summary>
    /// The length of proceedings to a first-instance verdict given in the year: for each record with such a verdict,
    /// the years from its first recorded event to that verdict; the median and the range.
    /// </summary>
    public static async Task<ReviewFigure> ProceedingsLengthAsync(int year, IAsyncEnumerable<IRecordFacts> verdicts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var lengths = new List<int>();
        await foreach (var record in verdicts.WithCancellation(cancellationToken))
        {
            var events = record.Events;
            if (events.Any(e => e.Type == FirstInstanceVerdict && e.Year == year))
            {
                lengths.Add(year - events.Min(e => e.Year));
            }
        }

        lengths.Sort();
        var rule = Texts.T("For each defendant with a first-instance verdict in the year: the years from the first recorded event of the proceedings (complaint, investigation, arrest or other) to that verdict, counting calendar years (a date known only to the year counts in that year). Median and range over those defendants.");
        var query = VerdictsIn(year).ToQueryString();
        if (lengths.Count == 0)
        {
            return new(Texts.T("Median length of proceedings to a first-instance verdict (no verdicts in the year)"), 0, query, rule) { Value = "–" };
        }

        var median = lengths.Count % 2 == 1 ? lengths[lengths.Count / 2] : (lengths[(lengths.Count / 2) - 1] + lengths[lengths.Count / 2]) / 2.0;
        var years = Texts.T("{0:0.#} years", median);
        return new(Texts.T("Median length of proceedings to a first-instance verdict (range {0}–{1} years, {2} defendants)", lengths[0], lengths[^1], lengths.Count), lengths.Count, query, rule) { Value = years };
    }
}
