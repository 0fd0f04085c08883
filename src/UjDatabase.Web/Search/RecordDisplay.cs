using UjDatabase.Core.Cases;
using UjDatabase.Core.Vocabularies;

namespace UjDatabase.Web.Search;

/// <summary>How parts of a record read on the pages: labels from the catalogue, countries by name, key dates.</summary>
public static class RecordDisplay
{
    public static string Country(string? code) => code is null ? "Not recorded" : Countries.NameOf(code);

    public static string Label(Vocabulary vocabulary, string? code) => code is null ? "Not recorded" : vocabulary.LabelOf(code);

    /// <summary>The crimes of one outcome, labelled: "Crimes against humanity, Torture".</summary>
    public static string Crimes(ChargeOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return string.Join(", ", outcome.Crimes.Select(Catalogue.Crime.LabelOf));
    }

    /// <summary>The first event and the latest verdict (or the latest event), as "Arrest, 12 February 2019".</summary>
    public static IEnumerable<string> KeyDates(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Events.Count == 0)
        {
            yield break;
        }

        var first = record.Events[0];
        yield return Describe(first);
        var latest = record.Events.LastOrDefault(e => Catalogue.VerdictEventTypes.Contains(e.Type!)) ?? record.Events[^1];
        if (!ReferenceEquals(latest, first))
        {
            yield return Describe(latest);
        }
    }

    public static string Describe(CaseEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var outcome = e.Outcome is null or "none" ? string.Empty : $" ({Catalogue.Verdict.LabelOf(e.Outcome).ToLowerInvariant()})";
        return $"{Catalogue.EventType.LabelOf(e.Type!)}{outcome}, {e.Date!.Value.ToDisplayString()}";
    }
}
