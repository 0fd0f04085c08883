using UjDatabase.Core.Vocabularies;

namespace UjDatabase.Core.Editing;

/// <summary>How a field of the record form is entered and turned into interchange JSON.</summary>
public enum FieldKind
{
    /// <summary>One line of text.</summary>
    Text,

    /// <summary>Text of several lines.</summary>
    LongText,

    /// <summary>One code of a vocabulary.</summary>
    Code,

    /// <summary>Any number of codes of a vocabulary (a list).</summary>
    Codes,

    /// <summary>One ISO 3166 country code.</summary>
    Country,

    /// <summary>Country codes separated by commas or spaces (a list).</summary>
    Countries,

    /// <summary>A partial date: YYYY, YYYY-MM or YYYY-MM-DD.</summary>
    Date,

    /// <summary>A number, whole or not.</summary>
    Number,

    /// <summary>A whole number.</summary>
    WholeNumber,

    /// <summary>Yes, no or not known.</summary>
    YesNo,

    /// <summary>One text per line (a list).</summary>
    Lines,
}

/// <summary>One field of the record form: its name (the interchange path, relative to its row in a repeating group), label and kind.</summary>
public sealed record FormField(string Name, string Label, FieldKind Kind, Vocabulary? Vocabulary = null, string? Hint = null)
{
    /// <summary>Whether the field holds a list in the interchange format.</summary>
    public bool IsList => Kind is FieldKind.Codes or FieldKind.Countries or FieldKind.Lines;
}

/// <summary>
/// A part of the record form: plain fields (named by their whole path), or the rows of a list of objects (charges,
/// events, sources...), each row's fields named relative to the row.
/// </summary>
public sealed record FieldGroup(string Legend, IReadOnlyList<FormField> Fields, string? List = null, string? RowName = null)
{
    public bool IsRows => List is not null;
}

/// <summary>
/// The record form: every field of the interchange format an editor enters, in the order of the form. Field names are
/// the interchange paths the validator reports (<c>accused.name</c>, <c>charges[2].stage</c>), so that each problem it
/// finds goes beside its field without a table of names. The record's <c>updated</c> date is not a field: only the
/// "checked against its sources today" action sets it.
/// </summary>
public static class RecordFields
{
    /// <summary>The id field: entered for a new record, fixed afterwards (links and citations name it).</summary>
    public const string Id = "id";

    public static IReadOnlyList<FieldGroup> Groups { get; } =
    [
        new("The record",
        [
            new(Id, "Id", FieldKind.Text, Hint: "Lower-case words joined by hyphens, e.g. raslan-koblenz. It cannot be changed later."),
            new("title", "Title", FieldKind.Text, Hint: "The proceeding as sources name it."),
            new("case_group", "Proceeding (case group)", FieldKind.Text, Hint: "The id shared by the records of one proceeding with several defendants; empty when alone."),
            new("publication", "Publication", FieldKind.Code, Catalogue.Publication),
            new("summary", "Summary", FieldKind.LongText, Hint: "Required for a published record. In your own words."),
        ]),
        new("The accused",
        [
            new("accused.type", "Type", FieldKind.Code, Catalogue.AccusedType),
            new("accused.name", "Name in full", FieldKind.Text, Hint: "As sources publish it; empty for an unidentified suspect."),
            new("accused.published_name", "Name as the court publishes it", FieldKind.Text, Hint: "E.g. an abbreviated family name."),
            new("accused.sort_name", "Sorted as", FieldKind.Text, Hint: "Family name first, only where the last word is not the family name."),
            new("accused.aliases", "Aliases", FieldKind.Lines, Hint: "One per line."),
            new("accused.gender", "Gender", FieldKind.Code, Catalogue.Gender),
            new("accused.nationalities", "Nationalities", FieldKind.Countries, Hint: "Country codes, e.g. SY, TR."),
            new("accused.affiliation", "Affiliation", FieldKind.Code, Catalogue.Affiliation),
            new("accused.position", "Position", FieldKind.Text),
            new("accused.residence_country", "Country of residence", FieldKind.Country, Hint: "A country code, where public."),
        ]),
        new("Forum and crimes",
        [
            new("forum.country", "Prosecuting state", FieldKind.Country, Hint: "A country code, e.g. DE."),
            new("forum.court", "Court", FieldKind.Text),
            new("forum.city", "City", FieldKind.Text),
            new("territorial_countries", "Where the crimes happened", FieldKind.Countries, Hint: "Country codes, e.g. SY."),
            new("situation", "Situation", FieldKind.Text, Hint: "E.g. Syrian civil war."),
            new("crime_period.from", "Crimes from", FieldKind.Date, Hint: "YYYY, YYYY-MM or YYYY-MM-DD."),
            new("crime_period.to", "Crimes to", FieldKind.Date, Hint: "YYYY, YYYY-MM or YYYY-MM-DD; empty when open or unknown."),
            new("jurisdiction_basis", "Basis of jurisdiction", FieldKind.Codes, Catalogue.JurisdictionBasis),
            new("topics", "Topics", FieldKind.Codes, Catalogue.Topic),
        ]),
        new("Charges",
        [
            new("crime", "Crime", FieldKind.Code, Catalogue.Crime),
            new("stage", "Stage", FieldKind.Code, Catalogue.ChargeStage),
            new("qualification", "The court's qualification", FieldKind.LongText),
            new("topics", "Topics", FieldKind.Codes, Catalogue.Topic),
        ], List: "charges", RowName: "Charge"),
        new("Stage and outcome",
        [
            new("stage", "Stage of the case", FieldKind.Code, Catalogue.Stage),
            new("verdict", "Verdict", FieldKind.Code, Catalogue.Verdict),
            new("presence", "Presence of the accused", FieldKind.Code, Catalogue.Presence),
            new("sentence.type", "Sentence", FieldKind.Code, Catalogue.SentenceType),
            new("sentence.years", "Years", FieldKind.Number, Hint: "For a term of imprisonment, e.g. 4.5."),
            new("sentence.text", "The sentence in the court's words", FieldKind.LongText),
        ]),
        new("Events",
        [
            new("date", "Date", FieldKind.Date, Hint: "YYYY, YYYY-MM or YYYY-MM-DD."),
            new("type", "What happened", FieldKind.Code, Catalogue.EventType),
            new("outcome", "Outcome (verdicts only)", FieldKind.Code, Catalogue.EventOutcome),
            new("description", "Description", FieldKind.LongText),
        ], List: "events", RowName: "Event"),
        new("Sources",
        [
            new("url", "Address (URL)", FieldKind.Text),
            new("title", "Title", FieldKind.Text),
            new("publisher", "Publisher", FieldKind.Text),
            new("date", "Date", FieldKind.Date, Hint: "YYYY, YYYY-MM or YYYY-MM-DD."),
        ], List: "sources", RowName: "Source"),
        new("Legal issues",
        [
            new("issue", "Issue", FieldKind.Code, Catalogue.LegalIssue),
            new("note", "Note", FieldKind.LongText),
        ], List: "legal_issues", RowName: "Legal issue"),
        new("Civil society",
        [
            new("name", "Organisation", FieldKind.Text),
            new("roles", "Roles", FieldKind.Codes, Catalogue.CivilSocietyRole),
        ], List: "civil_society", RowName: "Organisation"),
        new("Victims and reparation",
        [
            new("victims.civil_parties", "Victims admitted as civil parties", FieldKind.YesNo),
            new("victims.civil_parties_count", "How many civil parties", FieldKind.WholeNumber),
            new("victims.groups", "Who the victims were", FieldKind.Lines, Hint: "One group per line, e.g. Yazidi women and girls."),
            new("reparation.ordered", "Reparation ordered", FieldKind.YesNo),
            new("reparation.ordered_by", "Ordered (or refused) by", FieldKind.Text),
            new("reparation.forms", "Forms of reparation", FieldKind.Codes, Catalogue.ReparationForm),
            new("reparation.amount", "Amount", FieldKind.Number),
            new("reparation.currency", "Currency", FieldKind.Text, Hint: "An ISO 4217 code, e.g. EUR."),
            new("reparation.note", "Note on reparation", FieldKind.LongText),
        ]),
        new("Related records",
        [
            new("related", "Related records", FieldKind.Lines, Hint: "Ids of other records, one per line."),
        ]),
    ];

    /// <summary>The objects that are null in the record when none of their fields holds anything.</summary>
    public static IReadOnlyList<string> OptionalObjects { get; } = ["crime_period", "sentence", "victims", "reparation"];

    /// <summary>A field's name as people read it: "Years", "Charge 2: Crime", "Charges"; the name itself when it is no field.</summary>
    public static string Describe(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var group in Groups)
        {
            if (!group.IsRows)
            {
                if (group.Fields.FirstOrDefault(f => f.Name == name) is { } field)
                {
                    return field.Label;
                }

                continue;
            }

            if (name == group.List)
            {
                return group.Legend;
            }

            var open = group.List + "[";
            var close = name.IndexOf("].", StringComparison.Ordinal);
            if (name.StartsWith(open, StringComparison.Ordinal) && close > open.Length
                && int.TryParse(name.AsSpan(open.Length, close - open.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var row)
                && group.Fields.FirstOrDefault(f => f.Name == name[(close + 2)..]) is { } rowField)
            {
                return $"{group.RowName} {(row + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)}: {rowField.Label}";
            }
        }

        return name;
    }

    /// <summary>The most rows a list may have in the form (far above any real record; a guard against forged indexes).</summary>
    public const int MaxRows = 500;
}
