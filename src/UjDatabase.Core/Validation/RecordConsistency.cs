using UjDatabase.Core.Cases;
using UjDatabase.Core.Vocabularies;

namespace UjDatabase.Core.Validation;

/// <summary>
/// The rules by which a record's verdict, stage, charges, sentence and events must agree with each other. A record that
/// breaks one is counted wrongly (a conviction without a verdict event is never "convicted in" any year; a verdict
/// that says convicted while a charge says acquitted hides the acquittal), so each is an error, not a warning.
/// </summary>
public static class RecordConsistency
{
    private static readonly HashSet<string> Guilty = new(StringComparer.Ordinal) { "convicted", "partially_convicted" };

    private static readonly HashSet<string> Decided = new(StringComparer.Ordinal) { "convicted", "partially_convicted", "acquitted" };

    /// <summary>The fields these rules read.</summary>
    public static IReadOnlyList<string> Fields { get; } = ["verdict", "stage", "charges", "events", "sentence"];

    private static readonly HashSet<string> AfterVerdict = new(StringComparer.Ordinal) { "judgment", "appeal", "final" };

    /// <summary>Every disagreement in the record, as (path, value, message).</summary>
    public static IEnumerable<(string Path, string? Value, string Message)> Check(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var verdict = record.Verdict;
        var stages = record.Charges.Select(c => c.Stage).ToHashSet(StringComparer.Ordinal);
        var convictedCharge = stages.Contains("convicted");
        var acquittedCharge = stages.Contains("acquitted");

        if (convictedCharge && verdict is not ("convicted" or "partially_convicted"))
        {
            yield return ("verdict", verdict ?? "null", "a charge is convicted, so the verdict must be convicted or partially_convicted");
        }

        if (acquittedCharge && verdict is not ("acquitted" or "partially_convicted"))
        {
            yield return ("verdict", verdict ?? "null", "a charge is acquitted, so the verdict must be acquitted or partially_convicted (acquitted of one charge and convicted of another is a partial conviction)");
        }

        if (verdict is "convicted" or "partially_convicted" && !convictedCharge)
        {
            yield return ("charges", null, $"the verdict is {verdict}, so at least one charge must have stage convicted");
        }

        if (verdict == "acquitted" && !acquittedCharge)
        {
            yield return ("charges", null, "the verdict is acquitted, so at least one charge must have stage acquitted");
        }

        var verdictEvents = record.Events.Where(e => e.Type is not null && Catalogue.VerdictEventTypes.Contains(e.Type) && e.Outcome is not null).ToList();
        if (verdict is not null && Decided.Contains(verdict) && !verdictEvents.Any(e => Decided.Contains(e.Outcome!)))
        {
            yield return ("events", null, $"the verdict is {verdict}, so a verdict event (verdict_first_instance, verdict_appeal or verdict_cassation) with a decided outcome must date it");
        }

        // The latest decision bounds the verdict. An outcome of none (a verdict set aside) may leave part of an earlier
        // decision standing, so it bounds nothing; a later appeal may concern part of the case, so a partial
        // conviction overall is compatible with a latest decision that convicted or acquitted.
        if (verdictEvents.Count > 0 && verdictEvents[^1].Outcome is { } latest && Decided.Contains(latest))
        {
            var compatible = latest switch
            {
                "convicted" => verdict is "convicted" or "partially_convicted",
                "acquitted" => verdict is "acquitted" or "partially_convicted",
                _ => verdict == "partially_convicted",
            };
            if (!compatible)
            {
                var index = record.Events.ToList().IndexOf(verdictEvents[^1]);
                yield return ($"events[{index}].outcome", latest, $"is the latest verdict's outcome, which does not fit the record's verdict ({verdict ?? "null"}); a decision that set a verdict aside is a verdict event with outcome none");
            }
        }

        if (record.Stage is { } stage && AfterVerdict.Contains(stage) && (verdict is null || !Decided.Contains(verdict)))
        {
            yield return ("stage", stage, "comes after a verdict, so the verdict must be convicted, partially_convicted or acquitted");
        }

        if (record.Stage == "dismissed" && verdict is not null && Guilty.Contains(verdict))
        {
            yield return ("stage", "dismissed", $"contradicts the verdict {verdict}");
        }

        if (verdict is not null && Decided.Contains(verdict) && record.Events.Any(e => e.Type == "final") && record.Stage != "final")
        {
            yield return ("stage", record.Stage ?? "null", $"an event says the judgment ({verdict}) became final, so the stage must be final");
        }

        if (record.Sentence is not null && (verdict is null || !Guilty.Contains(verdict)))
        {
            yield return ("sentence", null, "is only given with a verdict of convicted or partially_convicted");
        }

        for (var i = 1; i < record.Events.Count; i++)
        {
            if (record.Events[i].Date is { } date && record.Events[i - 1].Date is { } previous && date.IsCertainlyBefore(previous))
            {
                yield return ($"events[{i}].date", date.ToString(), $"is before the event listed above it ({previous}); list events in date order");
            }
        }
    }
}
