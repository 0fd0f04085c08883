using UjDatabase.Core.Cases;

namespace UjDatabase.Web.Overview;

/// <summary>One defendant's part in a merged event: the record and its own event (outcome, description).</summary>
public sealed record EventShare(CaseRecord Record, CaseEvent Event);

/// <summary>An event of a proceeding: one date and type, and the defendants it concerns.</summary>
public sealed record MergedEvent(PartialDate Date, string Type, IReadOnlyList<EventShare> Shares)
{
    /// <summary>The case group the defendants share, or null for a record alone.</summary>
    public string? Group => Shares[0].Record.CaseGroup;

    /// <summary>The descriptions the defendants' records give, each once.</summary>
    public IReadOnlyList<string> Descriptions => Shares.Select(s => s.Event.Description).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Whether the defendants' outcomes differ (one convicted, one acquitted), so that each must be named with its own.</summary>
    public bool OutcomesDiffer => Shares.Select(s => s.Event.Outcome).Distinct(StringComparer.Ordinal).Count() > 1;
}

/// <summary>
/// Merges the timelines of co-defendants: an event with the same date and type in several records of one proceeding
/// (the trial opening, a joint verdict) is one event naming the defendants it concerns. Records of different
/// proceedings are never merged. Dates are compared at the precision each record gives, so "2020-04" and "2020-04-23"
/// stay two events rather than being guessed equal.
/// </summary>
public static class MergedTimeline
{
    /// <summary>Every merged event of the records, oldest first (as a case page reads).</summary>
    public static IReadOnlyList<MergedEvent> Of(IEnumerable<CaseRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return records
            .SelectMany(r => r.Events.Where(e => e.Date is not null && e.Type is not null).Select(e => new EventShare(r, e)))
            .GroupBy(s => (Proceeding: s.Record.CaseGroup ?? "\0" + s.Record.Id, Date: s.Event.Date!.Value, Type: s.Event.Type!))
            .Select(g => new MergedEvent(g.Key.Date, g.Key.Type, g.DistinctBy(s => s.Record.Id).OrderBy(s => s.Record.DisplayName, StringComparer.Ordinal).ToList()))
            .OrderBy(e => e.Date).ThenBy(e => e.Type, StringComparer.Ordinal).ThenBy(e => e.Shares[0].Record.DisplayName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The sources of every defendant's record, each address once, in the order first cited.</summary>
    public static IReadOnlyList<Source> SourcesOf(IEnumerable<CaseRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return records.SelectMany(r => r.Sources).Where(s => s.Url is not null).DistinctBy(s => s.Url, StringComparer.Ordinal).ToList();
    }
}
