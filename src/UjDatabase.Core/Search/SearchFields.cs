namespace UjDatabase.Core.Search;

/// <summary>A searchable text field and how much a match in it weighs.</summary>
public sealed record SearchField(string Name, float Boost);

/// <summary>
/// The text fields both engines search, and the one set of ranking weights: names weigh most, then positions and
/// courts, then situations and places, then summaries, events and organisations. Elasticsearch's mapping uses the same
/// field names (index-mappings/cases.mappings.json).
/// </summary>
public static class SearchFields
{
    public static SearchField Names { get; } = new("names", 10f);

    public static SearchField Position { get; } = new("position", 3f);

    public static SearchField Court { get; } = new("court", 3f);

    public static SearchField Situation { get; } = new("situation", 2f);

    public static SearchField Summary { get; } = new("summary", 1f);

    public static SearchField Events { get; } = new("events_text", 1f);

    public static SearchField Organisations { get; } = new("organisations", 1f);

    public static IReadOnlyList<SearchField> All { get; } = [Names, Position, Court, Situation, Summary, Events, Organisations];

    /// <summary>The order in which a hit's fields are tried for its highlighted snippet: the name first, then what tells most.</summary>
    public static IReadOnlyList<SearchField> HighlightOrder { get; } = [Names, Summary, Events, Court, Situation, Position, Organisations];

    /// <summary>Records with every term matched exactly rank above any record found only by a similar spelling of a name.</summary>
    public const float ExactBonus = 1000f;

    /// <summary>Records where the words stand together as typed rank above records where they are scattered.</summary>
    public const float AdjacencyBonus = 100f;

    /// <summary>A match by a similar spelling of a name counts a fifth of an exact one.</summary>
    public const float FuzzyWeight = 0.2f;
}
