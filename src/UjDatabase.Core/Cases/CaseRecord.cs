using System.Text.Json.Serialization;

namespace UjDatabase.Core.Cases;

// The interchange format v1.1 (docs/interchange-format.md): one record per defendant-in-case. Property order is the
// JSON field order. Codes are kept as strings and checked against the catalogue by CaseValidator, so that a bad code
// in a file is reported with its path instead of failing deserialisation. An empty list and a missing list both mean
// that nothing is recorded; null scalars mean unknown. Fields added in v1.1 are marked [OmitWhenEmpty]: they are left
// out of files when they hold nothing, so a v1 file is written back exactly as it was read.

/// <summary>One defendant in one proceeding: the unit the database stores, searches and counts.</summary>
public sealed record CaseRecord
{
    public required string Id { get; init; }

    public string? CaseGroup { get; init; }

    public required string Title { get; init; }

    public required Accused Accused { get; init; }

    public required Forum Forum { get; init; }

    public IReadOnlyList<string> TerritorialCountries { get; init; } = [];

    public string? Situation { get; init; }

    public CrimePeriod? CrimePeriod { get; init; }

    public IReadOnlyList<string> JurisdictionBasis { get; init; } = [];

    public IReadOnlyList<Charge> Charges { get; init; } = [];

    /// <summary>What the case is about (v1.1): sexual violence, children, persecution, ...; also on charges.</summary>
    [OmitWhenEmpty]
    public IReadOnlyList<string> Topics { get; init; } = [];

    public string? Stage { get; init; }

    public string? Verdict { get; init; }

    public string? Presence { get; init; }

    public Sentence? Sentence { get; init; }

    public IReadOnlyList<CaseEvent> Events { get; init; } = [];

    /// <summary>Legal questions the case raised (v1.1), each with a short note.</summary>
    [OmitWhenEmpty]
    public IReadOnlyList<LegalIssue> LegalIssues { get; init; } = [];

    /// <summary>The organisations involved and their roles (v1.1).</summary>
    [OmitWhenEmpty]
    public IReadOnlyList<CivilSocietyOrganisation> CivilSociety { get; init; } = [];

    /// <summary>Victims' participation (v1.1).</summary>
    [OmitWhenEmpty]
    public Victims? Victims { get; init; }

    /// <summary>Reparation ordered or refused (v1.1).</summary>
    [OmitWhenEmpty]
    public Reparation? Reparation { get; init; }

    public string? Summary { get; init; }

    public IReadOnlyList<Source> Sources { get; init; } = [];

    public IReadOnlyList<string> Related { get; init; } = [];

    public string? Publication { get; init; }

    public PartialDate? Updated { get; init; }

    /// <summary>
    /// The name shown to people: the name in full as sources publish it, else the court's (possibly abbreviated) form,
    /// else the title (a structural investigation has no name). The court's form is shown beside it as a note.
    /// </summary>
    [JsonIgnore]
    public string DisplayName => Accused.Name ?? Accused.PublishedName ?? Title;

    [JsonIgnore]
    public bool IsPublished => Publication == "published";
}

/// <summary>The person, organisation or unidentified suspect a record is about.</summary>
public sealed record Accused
{
    public string? Name { get; init; }

    public string? PublishedName { get; init; }

    /// <summary>How the name sorts, family name first ("Ríos Montt, Efraín"), where the last word is not the family name (v1.1).</summary>
    [OmitWhenEmpty]
    public string? SortName { get; init; }

    public IReadOnlyList<string> Aliases { get; init; } = [];

    public string? Type { get; init; }

    public string? Gender { get; init; }

    public IReadOnlyList<string> Nationalities { get; init; } = [];

    public string? Affiliation { get; init; }

    public string? Position { get; init; }

    /// <summary>Where the accused lives, where public (v1.1).</summary>
    [OmitWhenEmpty]
    public string? ResidenceCountry { get; init; }
}

/// <summary>The prosecuting state and, where known, its court and city.</summary>
public sealed record Forum
{
    public string? Country { get; init; }

    public string? Court { get; init; }

    public string? City { get; init; }
}

/// <summary>When the alleged crimes were committed.</summary>
public sealed record CrimePeriod
{
    public PartialDate? From { get; init; }

    public PartialDate? To { get; init; }
}

/// <summary>One crime category against one defendant, at the stage it has reached.</summary>
public sealed record Charge
{
    public string? Crime { get; init; }

    public string? Stage { get; init; }

    public string? Qualification { get; init; }

    /// <summary>Topics the court's qualification names for this charge (v1.1), e.g. sexual violence for a rape charge.</summary>
    [OmitWhenEmpty]
    public IReadOnlyList<string> Topics { get; init; } = [];
}

/// <summary>The sentence imposed, normalised, with the court's own wording.</summary>
public sealed record Sentence
{
    public string? Type { get; init; }

    public double? Years { get; init; }

    public string? Text { get; init; }
}

/// <summary>A dated procedural step.</summary>
public sealed record CaseEvent
{
    public PartialDate? Date { get; init; }

    public string? Type { get; init; }

    public string? Description { get; init; }

    public string? Outcome { get; init; }
}

/// <summary>A public document that supports the record.</summary>
public sealed record Source
{
    public string? Url { get; init; }

    public string? Title { get; init; }

    public string? Publisher { get; init; }

    public PartialDate? Date { get; init; }
}

/// <summary>A legal question a case raised, such as immunity or an amnesty, with a short note.</summary>
public sealed record LegalIssue
{
    public string? Issue { get; init; }

    public string? Note { get; init; }
}

/// <summary>A non-governmental organisation involved in a case, and how.</summary>
public sealed record CivilSocietyOrganisation
{
    public string? Name { get; init; }

    public IReadOnlyList<string> Roles { get; init; } = [];
}

/// <summary>Victims' participation: whether civil parties were admitted, how many, and who the victims were.</summary>
public sealed record Victims
{
    /// <summary>Whether victims were admitted as civil parties (or joint plaintiffs); null when unknown.</summary>
    public bool? CivilParties { get; init; }

    public int? CivilPartiesCount { get; init; }

    /// <summary>Who the victims were, in a few words each (e.g. "Yazidi women and girls").</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];
}

/// <summary>Reparation: whether it was ordered, by whom, in what form and, where public, how much.</summary>
public sealed record Reparation
{
    public bool? Ordered { get; init; }

    /// <summary>The court or body that ordered (or refused) it.</summary>
    public string? OrderedBy { get; init; }

    public IReadOnlyList<string> Forms { get; init; } = [];

    public double? Amount { get; init; }

    /// <summary>ISO 4217 code of <see cref="Amount"/>, e.g. EUR.</summary>
    public string? Currency { get; init; }

    public string? Note { get; init; }
}

/// <summary>Marks a v1.1 field that is left out of a written file when it is null or an empty list.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OmitWhenEmptyAttribute : Attribute;
