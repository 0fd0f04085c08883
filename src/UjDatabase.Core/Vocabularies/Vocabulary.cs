using UjDatabase.Core.Languages;

namespace UjDatabase.Core.Vocabularies;

/// <summary>One code of a controlled vocabulary, with its English label and a short definition.</summary>
public sealed record Term(string Code, string Label, string Definition)
{
    /// <summary>The label in the current language of the site (translations: <c>Languages/Texts.*.resx</c>).</summary>
    public string LocalLabel => Texts.T(Label);

    public string LocalDefinition => Texts.T(Definition);
}

/// <summary>A controlled vocabulary: the codes one field may take, in display order.</summary>
public sealed class Vocabulary
{
    private readonly Dictionary<string, Term> byCode;

    public Vocabulary(string field, IReadOnlyList<Term> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        Field = field;
        Terms = terms;
        byCode = terms.ToDictionary(t => t.Code, StringComparer.Ordinal);
    }

    /// <summary>The interchange-format field the vocabulary belongs to, e.g. <c>charges[].crime</c>.</summary>
    public string Field { get; }

    public IReadOnlyList<Term> Terms { get; }

    public bool Contains(string? code) => code is not null && byCode.ContainsKey(code);

    public Term? Find(string? code) => code is not null && byCode.TryGetValue(code, out var term) ? term : null;

    /// <summary>The label for a code in the current language, or the code itself when it is not in the vocabulary.</summary>
    public string LabelOf(string code) => Find(code)?.LocalLabel ?? code;

    public string CodeList => string.Join(", ", Terms.Select(t => t.Code));
}
