using UjDatabase.Core.Languages;
using UjDatabase.Core.Cases;

namespace UjDatabase.Core.Export;

/// <summary>
/// One column of a tabular export: its header and how a record fills it (a string, a number, or nothing). The header is
/// the interchange format's name; a French export (<c>/fr/api/cases/export</c>) writes its translation instead.
/// </summary>
public sealed record RecordColumn(string Header, Func<CaseRecord, object?> Value);

/// <summary>
/// The columns of CSV and XLSX exports: one row per record, lists joined with "; ", codes as in the interchange
/// format, and the record's address on the site. The same columns serve both formats.
/// </summary>
public static class RecordColumns
{
    public const string ListSeparator = "; ";

    public static IReadOnlyList<RecordColumn> For(string baseUrl) =>
    [
        new("id", r => r.Id),
        new("url", r => $"{baseUrl.TrimEnd('/')}{CaseExporter.LocalPrefix}/cases/{r.Id}"),
        new("title", r => r.Title),
        new("case_group", r => r.CaseGroup),
        new("accused_name", r => r.Accused.Name),
        new("published_name", r => r.Accused.PublishedName),
        new("aliases", r => Join(r.Accused.Aliases)),
        new("accused_type", r => r.Accused.Type),
        new("gender", r => r.Accused.Gender),
        new("nationalities", r => Join(r.Accused.Nationalities)),
        new("affiliation", r => r.Accused.Affiliation),
        new("position", r => r.Accused.Position),
        new("forum_country", r => r.Forum.Country),
        new("forum_court", r => r.Forum.Court),
        new("forum_city", r => r.Forum.City),
        new("territorial_countries", r => Join(r.TerritorialCountries)),
        new("situation", r => r.Situation),
        new("crime_from", r => r.CrimePeriod?.From?.ToString()),
        new("crime_to", r => r.CrimePeriod?.To?.ToString()),
        new("jurisdiction_basis", r => Join(r.JurisdictionBasis)),
        new("crimes", r => Join(r.Charges.Select(c => c.Crime!).Distinct())),
        new("charges", r => Join(r.Charges.Select(c => $"{c.Crime}:{c.Stage}"))),
        new("convicted_of", r => Join(ChargeOutcomes.CrimesAt(r, "convicted"))),
        new("acquitted_of", r => Join(ChargeOutcomes.CrimesAt(r, "acquitted"))),
        new("charged_with", r => Join(ChargeOutcomes.CrimesAt(r, "charged"))),
        new("investigated_for", r => Join(ChargeOutcomes.CrimesAt(r, "alleged"))),
        new("dropped", r => Join(ChargeOutcomes.CrimesAt(r, "dropped"))),
        new("stage", r => r.Stage),
        new("verdict", r => r.Verdict),
        new("presence", r => r.Presence),
        new("sentence_type", r => r.Sentence?.Type),
        new("sentence_years", r => r.Sentence?.Years),
        new("sentence_text", r => r.Sentence?.Text),
        new("first_event", r => r.Events.Count == 0 ? null : r.Events.Min(e => e.Date!.Value).ToString()),
        new("latest_event", r => r.Events.Count == 0 ? null : r.Events.Max(e => e.Date!.Value).ToString()),
        new("events", r => Join(r.Events.Select(e => $"{e.Date} {e.Type}{(e.Outcome is null ? string.Empty : ":" + e.Outcome)}"))),
        new("summary", r => r.Summary),
        new("sources", r => Join(r.Sources.Select(s => s.Url!))),
        new("updated", r => r.Updated?.ToString()),
    ];

    private static string? Join(IEnumerable<string> values)
    {
        var text = string.Join(ListSeparator, values);
        return text.Length == 0 ? null : text;
    }
}

/// <summary>Keeps spreadsheet programs from running cell text as a formula.</summary>
public static class FormulaGuard
{
    /// <summary>Text beginning with =, +, -, @, a tab or a carriage return gets a leading apostrophe, which spreadsheets show as text.</summary>
    public static string Neutralise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
    }
}
