using System.Text.Json.Serialization;

namespace UjDatabase.Core.Cases;

// The interchange format v1 (../../../DESIGN.md): one record per defendant-in-case. Property order is the JSON field
// order. Codes are kept as strings and checked against the catalogue by CaseValidator, so that a bad code in a file
// is reported with its path instead of failing deserialisation. An empty list and a missing list both mean that
// nothing is recorded; null scalars mean unknown.

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

    public string? Stage { get; init; }

    public string? Verdict { get; init; }

    public string? Presence { get; init; }

    public Sentence? Sentence { get; init; }

    public IReadOnlyList<CaseEvent> Events { get; init; } = [];

    public string? Summary { get; init; }

    public IReadOnlyList<Source> Sources { get; init; } = [];

    public IReadOnlyList<string> Related { get; init; } = [];

    public string? Publication { get; init; }

    public PartialDate? Updated { get; init; }

    /// <summary>The name shown to the public: the published (possibly abbreviated) name, else the name, else the title.</summary>
    [JsonIgnore]
    public string DisplayName => Accused.PublishedName ?? Accused.Name ?? Title;

    [JsonIgnore]
    public bool IsPublished => Publication == "published";
}

/// <summary>The person, organisation or unidentified suspect a record is about.</summary>
public sealed record Accused
{
    public string? Name { get; init; }

    public string? PublishedName { get; init; }

    public IReadOnlyList<string> Aliases { get; init; } = [];

    public string? Type { get; init; }

    public string? Gender { get; init; }

    public IReadOnlyList<string> Nationalities { get; init; } = [];

    public string? Affiliation { get; init; }

    public string? Position { get; init; }
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
