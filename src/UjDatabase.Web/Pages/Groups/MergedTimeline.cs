using UjDatabase.Core.Cases;

namespace UjDatabase.Web.Pages.Groups;

/// <summary>One defendant's part in a merged event: the record and its own event (outcome, description).</summary>
public sealed record EventShare(CaseRecord Record, CaseEvent Event);

/// <summary>An event of a proceeding: one date and type, and the defendants it concerns.</summary>
public sealed record MergedEvent(PartialDate Date, string Type, IReadOnlyList<EventShare> Shares)
{
    /// <summary>The descriptions the defendants' records give, each once.</summary>
    public IReadOnlyList<string> Descriptions => Shares.Select(s => s.Event.Description).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Whether the defendants' outcomes differ (one convicted, one acquitted), so that each must be named with its own.</summary>
    public bool OutcomesDiffer => Shares.Select(s => s.Event.Outcome).Distinct(StringComparer.Ordinal).Count() > 1;
}

/// <summary>
/// Merges the timelines of a proceeding's defendants: an event with the same date and type in several records (the
/// trial opening, a joint verdict) is one event naming the defendants it concerns. Dates are compared at the precision
/// each record gives, so "2020-04" and "2020-04-23" stay two events rather than being guessed equal.
/// </summary>
public static class MergedTimeline
{
    public static IReadOnlyList<MergedEvent> Of(IReadOnlyList<CaseRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return records
            .SelectMany(r => r.Events.Where(e => e.Date is not null && e.Type is not null).Select(e => new EventShare(r, e)))
            .GroupBy(s => (s.Event.Date!.Value, s.Event.Type!))
            .Select(g => new MergedEvent(g.Key.Value, g.Key.Item2, g.DistinctBy(s => s.Record.Id).ToList()))
            .OrderBy(e => e.Date).ThenBy(e => e.Type, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The sources of every defendant's record, each address once, in the order first cited.</summary>
    public static IReadOnlyList<Source> SourcesOf(IReadOnlyList<CaseRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return records.SelectMany(r => r.Sources).Where(s => s.Url is not null).DistinctBy(s => s.Url, StringComparer.Ordinal).ToList();
    }
}
