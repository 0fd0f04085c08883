using UjDatabase.Core.Cases;
using UjDatabase.Core.Languages;
using UjDatabase.Core.Vocabularies;

namespace UjDatabase.Core.Search;

/// <summary>One facet: its URL parameter, label, the values a record has, and how a value is labelled.</summary>
public sealed class FacetDefinition
{
    internal FacetDefinition(string name, string label, Func<CaseRecord, IEnumerable<string>> values, IReadOnlyList<string> allowed, Func<string, string> labelOf)
    {
        Name = name;
        IndexField = name;
        MissingLabel = FacetCatalogue.MissingLabel;
        Label = label;
        Values = values;
        Allowed = allowed;
        var set = allowed.ToHashSet(StringComparer.Ordinal);
        IsValidValue = set.Contains;
        LabelOfValue = labelOf;
    }

    /// <summary>Every value the facet may take (codes or country codes), in catalogue order.</summary>
    public IReadOnlyList<string> Allowed { get; }

    /// <summary>The URL parameter, e.g. <c>forum</c>.</summary>
    public string Name { get; }

    /// <summary>The keyword field that holds the facet in an index, where the URL parameter's name is taken by a text field.</summary>
    public string IndexField { get; init; }

    /// <summary>What the bucket of records without a value is called.</summary>
    public string MissingLabel { get; init; }

    /// <summary>The facet's English name (the API reference and exports' defaults use it).</summary>
    public string Label { get; }

    /// <summary>The facet's name in the current language of the site.</summary>
    public string LocalLabel => Texts.T(Label);

    /// <summary>The values of a record for this facet; none means the record falls in the missing bucket.</summary>
    public Func<CaseRecord, IEnumerable<string>> Values { get; }

    public Func<string, bool> IsValidValue { get; }

    private Func<string, string> LabelOfValue { get; }

    /// <summary>A value's label in the current language.</summary>
    public string LabelOf(string value) => value == FacetCatalogue.Missing ? Texts.T(MissingLabel) : LabelOfValue(value);
}

/// <summary>
/// The facets of the search, in display order. The one place that says which record field each URL parameter filters
/// and counts; the engines read it rather than naming fields themselves.
/// </summary>
public static class FacetCatalogue
{
    /// <summary>The value of the bucket for records where the field is missing or unknown.</summary>
    public const string Missing = "_missing";

    public const string MissingLabel = "Not recorded";

    public static FacetDefinition Forum { get; } = Countries("forum", "Prosecuting state", r => Single(r.Forum.Country));

    public static FacetDefinition Territory { get; } = Countries("territory", "Crimes committed in", r => r.TerritorialCountries);

    /// <summary>
    /// The situations with a page of their own (<see cref="Situations"/>). Elasticsearch's <c>situation</c> field is the
    /// searchable text, so the slugs live in <c>situation_id</c>.
    /// </summary>
    public static FacetDefinition Situation { get; } = new("situation", "Situation", r => Situations.Of(r.Situation),
        Situations.All.Select(s => s.Slug).ToList(), Situations.NameOf)
    {
        IndexField = "situation_id",
        MissingLabel = "Other or not recorded",
    };

    public static FacetDefinition Nationality { get; } = Countries("nationality", "Accused nationality", r => r.Accused.Nationalities);

    public static FacetDefinition Crime { get; } = Coded("crime", "Crime", Catalogue.Crime, r => r.Charges.Select(c => c.Crime!));

    public static FacetDefinition ChargeStage { get; } = Coded("charge_stage", "Charge stage", Catalogue.ChargeStage, r => r.Charges.Select(c => c.Stage!));

    public static FacetDefinition Basis { get; } = Coded("basis", "Jurisdiction basis", Catalogue.JurisdictionBasis, r => r.JurisdictionBasis);

    public static FacetDefinition Stage { get; } = Coded("stage", "Stage", Catalogue.Stage, r => Single(r.Stage));

    public static FacetDefinition Verdict { get; } = Coded("verdict", "Verdict", Catalogue.Verdict, r => Single(r.Verdict));

    public static FacetDefinition Affiliation { get; } = Coded("affiliation", "Affiliation", Catalogue.Affiliation, r => Single(r.Accused.Affiliation));

    public static FacetDefinition Type { get; } = Coded("type", "Accused type", Catalogue.AccusedType, r => Single(r.Accused.Type));

    public static FacetDefinition Gender { get; } = Coded("gender", "Gender", Catalogue.Gender, r => Single(r.Accused.Gender));

    public static FacetDefinition Presence { get; } = Coded("presence", "Presence", Catalogue.Presence, r => Single(r.Presence));

    /// <summary>The values of the reparation facet, read from <c>reparation.ordered</c> (declared before the facet that uses it).</summary>
    private static Vocabulary ReparationOrdered { get; } = new("reparation.ordered",
    [
        new("ordered", "Reparation ordered", "A court ordered the accused (or another) to repair the harm done to victims."),
        new("not_ordered", "No reparation ordered", "The court decided on reparation and ordered none."),
    ]);

    /// <summary>The record's topics and those its charges name (a rape charge: sexual and gender-based violence).</summary>
    public static FacetDefinition Topic { get; } = Coded("topic", "Topic", Catalogue.Topic, r => r.Topics.Concat(r.Charges.SelectMany(c => c.Topics)).Distinct());

    public static FacetDefinition LegalIssue { get; } = Coded("legal_issue", "Legal issue", Catalogue.LegalIssue, r => r.LegalIssues.Select(l => l.Issue!).Distinct());

    /// <summary>The roles civil-society organisations played: any value means a case with civil-society involvement.</summary>
    public static FacetDefinition CivilSociety { get; } = Coded("civil_society", "Civil-society role", Catalogue.CivilSocietyRole, r => r.CivilSociety.SelectMany(o => o.Roles).Distinct());

    /// <summary>Whether a court ordered reparation; not recorded when the sources do not say.</summary>
    public static FacetDefinition Reparation { get; } = Coded("reparation", "Reparation", ReparationOrdered, r => r.Reparation?.Ordered switch
    {
        true => ["ordered"],
        false => ["not_ordered"],
        null => [],
    });

    public static IReadOnlyList<FacetDefinition> All { get; } =
        [Forum, Territory, Situation, Nationality, Crime, ChargeStage, Basis, Stage, Verdict, Affiliation, Type, Gender, Presence, Topic, LegalIssue, CivilSociety, Reparation];

    private static readonly Dictionary<string, FacetDefinition> ByName = All.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public static FacetDefinition? Find(string name) => name is null ? null : ByName.GetValueOrDefault(name);

    /// <summary>Every value a facet may take.</summary>
    public static IReadOnlyList<string> ValuesOf(FacetDefinition facet) => (facet ?? throw new ArgumentNullException(nameof(facet))).Allowed;

    private static FacetDefinition Countries(string name, string label, Func<CaseRecord, IEnumerable<string>> values) =>
        new(name, label, values, Vocabularies.Countries.All.Select(c => c.Code).Order(StringComparer.Ordinal).ToList(), Vocabularies.Countries.LocalNameOf);

    private static FacetDefinition Coded(string name, string label, Vocabulary vocabulary, Func<CaseRecord, IEnumerable<string>> values) =>
        new(name, label, values, vocabulary.Terms.Select(t => t.Code).ToList(), vocabulary.LabelOf);

    private static IEnumerable<string> Single(string? value) => value is null ? [] : [value];
}
