using UjDatabase.Core.Cases;
using UjDatabase.Core.Vocabularies;
using UjDatabase.Core.Languages;

namespace UjDatabase.Web.Search;

/// <summary>How parts of a record read on the pages: labels from the catalogue, countries by name, key dates.</summary>
public static class RecordDisplay
{
    public static string Country(string? code) => code is null ? Texts.T("Not recorded") : Countries.LocalNameOf(code);

    /// <summary>Whether victims took part as civil parties, in words; empty when the sources do not say.</summary>
    public static string CivilParties(UjDatabase.Core.Cases.Victims victims)
    {
        ArgumentNullException.ThrowIfNull(victims);
        return victims.CivilParties switch
        {
            true => Texts.T("Victims took part as civil parties") + (victims.CivilPartiesCount is { } count ? string.Create(System.Globalization.CultureInfo.CurrentCulture, $" ({count:N0})") : string.Empty) + ".",
            false => Texts.T("No civil parties were admitted."),
            null => string.Empty,
        };
    }

    /// <summary>After "Reparation ordered": by whom, in what form, how much ("by the court: compensation, 20,000 EUR.").</summary>
    public static string ReparationDetails(UjDatabase.Core.Cases.Reparation reparation)
    {
        ArgumentNullException.ThrowIfNull(reparation);
        var by = reparation.OrderedBy is null ? string.Empty : Texts.T(" by ") + reparation.OrderedBy;
        var forms = reparation.Forms.Count == 0 ? string.Empty : ": " + string.Join(", ", reparation.Forms.Select(f => UjDatabase.Core.Vocabularies.Catalogue.ReparationForm.LabelOf(f).ToLowerInvariant()));
        var amount = reparation.Amount is { } value ? string.Create(System.Globalization.CultureInfo.CurrentCulture, $", {value:N0} {reparation.Currency}") : string.Empty;
        return by + forms + amount + ".";
    }

    public static string Label(Vocabulary vocabulary, string? code) => code is null ? Texts.T("Not recorded") : vocabulary.LabelOf(code);

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
