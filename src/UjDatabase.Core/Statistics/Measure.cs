using UjDatabase.Core.Languages;
using UjDatabase.Core.Cases;

namespace UjDatabase.Core.Statistics;

/// <summary>What a statistics table counts.</summary>
public enum Measure
{
    /// <summary>Every record the search selects.</summary>
    Records,

    /// <summary>Records with at least one event in the year.</summary>
    Developments,

    /// <summary>Records whose earliest event falls in the year.</summary>
    New,

    /// <summary>Records with a conviction (full or partial) at any instance in the year.</summary>
    Convicted,

    /// <summary>Records with an acquittal at any instance in the year.</summary>
    Acquitted,

    /// <summary>Records whose trial had opened by the year and had no first-instance verdict before it.</summary>
    OnTrial,
}

/// <summary>One event reduced to what the counting rules read: its type, year and outcome.</summary>
public readonly record struct EventFact(string Type, int Year, string? Outcome)
{
    public static IReadOnlyList<EventFact> Of(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Events.Select(e => new EventFact(e.Type!, e.Date!.Value.Year, e.Outcome)).ToList();
    }
}

/// <summary>
/// The counting rules, in code and in words. Every number in the statistics, and every search behind a number, goes
/// through <see cref="YearsOf"/>, so the rule printed beside a table is the rule that produced it. Dates count in the
/// year they are known to: a date known only to the year counts in that year.
/// </summary>
public static class MeasureRules
{
    private static readonly HashSet<string> TrialEnds = new(StringComparer.Ordinal) { "verdict_first_instance", "dismissed", "closed", "death" };

    private static readonly HashSet<string> VerdictTypes = new(StringComparer.Ordinal) { "verdict_first_instance", "verdict_appeal", "verdict_cassation" };

    public static string Code(Measure measure) => measure switch
    {
        Measure.OnTrial => "on_trial",
        _ => measure.ToString().ToLowerInvariant(),
    };

    public static bool TryParse(string? code, out Measure measure)
    {
        foreach (var candidate in Enum.GetValues<Measure>())
        {
            if (Code(candidate) == code)
            {
                measure = candidate;
                return true;
            }
        }

        measure = Measure.Records;
        return false;
    }

    public static string CodeList => string.Join(", ", Enum.GetValues<Measure>().Select(Code));

    /// <summary>The measure's short name in the current language.</summary>
    public static string Label(Measure measure) => Texts.T(measure switch
    {
        Measure.Records => "Records",
        Measure.Developments => "With developments",
        Measure.New => "New",
        Measure.Convicted => "Convicted",
        Measure.Acquitted => "Acquitted",
        Measure.OnTrial => "On trial",
        _ => throw new ArgumentOutOfRangeException(nameof(measure)),
    });

    /// <summary>What a table of this measure counts, as a heading in its unit: "Cases with developments", "Defendants convicted".</summary>
    // Whole phrases, not a noun put into a pattern, so that each language can agree its words (French: "Nouvelles affaires").
    public static string Heading(Measure measure, CountUnit unit) => Texts.T((measure, unit) switch
    {
            (Measure.Records, CountUnit.Cases) => "Cases",
            (Measure.Records, CountUnit.Charges) => "Charges",
            (Measure.Records, _) => "Defendants",
            (Measure.Developments, CountUnit.Charges) => "Charges of defendants with developments",
            (Measure.Developments, CountUnit.Cases) => "Cases with developments",
            (Measure.Developments, _) => "Defendants with developments",
            (Measure.New, CountUnit.Charges) => "Charges of new defendants",
            (Measure.New, CountUnit.Cases) => "New cases",
            (Measure.New, _) => "New defendants",
            (Measure.Convicted, CountUnit.Cases) => "Cases with a conviction",
            (Measure.Convicted, CountUnit.Charges) => "Charges of defendants convicted",
            (Measure.Convicted, _) => "Defendants convicted",
            (Measure.Acquitted, CountUnit.Cases) => "Cases with an acquittal",
            (Measure.Acquitted, CountUnit.Charges) => "Charges of defendants acquitted",
            (Measure.Acquitted, _) => "Defendants acquitted",
            (Measure.OnTrial, CountUnit.Charges) => "Charges of defendants on trial",
            (Measure.OnTrial, CountUnit.Cases) => "Cases on trial",
            (Measure.OnTrial, _) => "Defendants on trial",
            _ => throw new ArgumentOutOfRangeException(nameof(measure)),
    });

    /// <summary>The rule in words, as printed beside every table.</summary>
    public static string Rule(Measure measure) => Texts.T(measure switch
    {
        Measure.Records => "Every record the search selects, whatever its dates.",
        Measure.Developments => "A record counts in a year when at least one of its events is dated in that year.",
        Measure.New => "A record counts in the year of its earliest event (opened or made public).",
        Measure.Convicted => "A record counts in a year when a verdict (first instance, appeal or cassation) dated in that year convicted the accused fully or partly; once per year, however many verdicts.",
        Measure.Acquitted => "A record counts in a year when a verdict (first instance, appeal or cassation) dated in that year acquitted the accused; once per year.",
        Measure.OnTrial => "A record counts in a year when its trial opened in or before that year and neither a first-instance verdict nor the end of the proceedings (dismissal, closure, death) came before that year; a trial with neither counts up to the current year.",
        _ => throw new ArgumentOutOfRangeException(nameof(measure)),
    });

    /// <summary>The years in which the measure holds for a record; for <see cref="Measure.Records"/>, the year of its earliest event.</summary>
    /// <param name="events">The record's events.</param>
    /// <param name="measure">What is counted.</param>
    /// <param name="lastYear">The last year a trial with no verdict yet counts as on trial (normally the current year).</param>
    public static IEnumerable<int> YearsOf(IReadOnlyList<EventFact> events, Measure measure, int lastYear)
    {
        ArgumentNullException.ThrowIfNull(events);
        switch (measure)
        {
            case Measure.Records:
            case Measure.New:
                return events.Count == 0 ? [] : [events.Min(e => e.Year)];
            case Measure.Developments:
                return DistinctYears(events, static _ => true);
            case Measure.Convicted:
                return DistinctYears(events, static e => VerdictTypes.Contains(e.Type) && e.Outcome is "convicted" or "partially_convicted");
            case Measure.Acquitted:
                return DistinctYears(events, static e => VerdictTypes.Contains(e.Type) && e.Outcome == "acquitted");
            case Measure.OnTrial:
                var opened = events.Where(e => e.Type == "trial_opened").Select(e => (int?)e.Year).Min();
                if (opened is null)
                {
                    return [];
                }

                // On trial up to and including the year of the first verdict or end of the proceedings, or to the last year.
                var ended = events.Where(e => e.Year >= opened && TrialEnds.Contains(e.Type)).Select(e => (int?)e.Year).Min();
                var until = ended ?? lastYear;
                return until < opened ? [] : Enumerable.Range(opened.Value, until - opened.Value + 1);
            default:
                throw new ArgumentOutOfRangeException(nameof(measure));
        }
    }

    /// <summary>
    /// The years of the events that pass, each once, in order. A plain loop: the charts over time ask this for every
    /// record and rule (with query operators, a table and the charts over 100,000 records in memory took 141 ms, now 120).
    /// </summary>
    private static int[] DistinctYears(IReadOnlyList<EventFact> events, Func<EventFact, bool> passes)
    {
        var years = new List<int>(events.Count);
        foreach (var e in events)
        {
            if (passes(e) && !years.Contains(e.Year))
            {
                years.Add(e.Year);
            }
        }

        years.Sort();
        return [.. years];
    }

    /// <summary>Whether the measure holds in the year, or, with no year, in any year. Every record is counted as a record.</summary>
    public static bool Holds(IReadOnlyList<EventFact> events, Measure measure, int? year, int lastYear) =>
        measure == Measure.Records || (year is { } y ? YearsOf(events, measure, lastYear).Contains(y) : YearsOf(events, measure, lastYear).Any());
}
