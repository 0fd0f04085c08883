using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using UjDatabase.Core.Search;

namespace UjDatabase.Embedded.Search;

/// <summary>
/// The Lucene documents of the embedded index: text fields analysed as the Elasticsearch mapping analyses them
/// (standard tokenizer, lower case, ASCII folding), name skeletons for typos and transliterations, and doc values the
/// engine loads into memory to filter, count and sort. The index is a projection of the store: nothing in it is the
/// source of truth, and text is not stored (highlights are cut from the record read for the page).
/// </summary>
internal static class IndexSchema
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public const string Id = "id";
    public const string DocVersion = "version";
    public const string Skeleton = "names_skeleton";
    public const string Group = "group";
    public const string SortName = "sort_name";
    public const string SortDate = "sort_date";
    public const string Updated = "updated";
    public const string Charge = "charge";
    public const string ChargeTopic = "charge_topic";
    public const string Event = "event";

    /// <summary>Separates the parts of a composite doc value ("war_crimes\u001fconvicted").</summary>
    public const char Separator = '\u001f';

    /// <summary>
    /// What the documents hold, written into every commit: the facets and text fields by name. An index whose layout
    /// differs was built by another version and is rebuilt from the store when the writer opens it.
    /// </summary>
    public static string Layout { get; } = string.Join(',', FacetCatalogue.All.Select(f => f.Name).Concat(SearchFields.All.Select(f => f.Name)));

    public static string FacetField(FacetDefinition facet) => "f_" + (facet ?? throw new ArgumentNullException(nameof(facet))).Name;

    /// <summary>Standard tokenizer, lower case, ASCII folding: "Habré" and "habre" are one token.</summary>
    public static Analyzer Folded { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader) { MaxTokenLength = 255 };
        TokenStream stream = new LowerCaseFilter(Version, tokenizer);
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    });

    /// <summary>The analyser of every field: folded text, and the skeleton field split on spaces only (its tokens are made in code).</summary>
    public static Analyzer Analyzer { get; } = new PerFieldAnalyzerWrapper(Folded, new Dictionary<string, Analyzer>
    {
        [Skeleton] = new WhitespaceAnalyzer(Version),
    });

    public static Document Build(SearchDocument doc, long version)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var document = new Document
        {
            new StringField(Id, doc.Id, Field.Store.NO),
            new SortedDocValuesField(Id, new BytesRef(doc.Id)),
            new NumericDocValuesField(DocVersion, version),
            new SortedDocValuesField(SortName, new BytesRef(doc.SortName)),
            new NumericDocValuesField(SortDate, doc.SortDate),
            new NumericDocValuesField(Updated, doc.Updated),
            new TextField(Skeleton, string.Join(' ', Skeletons(doc.Names)), Field.Store.NO),
        };
        if (doc.CaseGroup is { } group)
        {
            document.Add(new SortedDocValuesField(Group, new BytesRef(group)));
        }

        foreach (var field in SearchFields.All)
        {
            if (doc.Text[field].Length > 0)
            {
                document.Add(new TextField(field.Name, doc.Text[field], Field.Store.NO));
            }
        }

        foreach (var (facet, values) in doc.Facets)
        {
            foreach (var value in values)
            {
                document.Add(new SortedSetDocValuesField(FacetField(facet), new BytesRef(value)));
            }
        }

        foreach (var (crime, stage) in doc.Charges)
        {
            document.Add(new SortedSetDocValuesField(Charge, new BytesRef($"{crime}{Separator}{stage}")));
        }

        foreach (var (crime, stage, topic) in doc.ChargeTopics)
        {
            document.Add(new SortedSetDocValuesField(ChargeTopic, new BytesRef($"{crime}{Separator}{stage}{Separator}{topic}")));
        }

        foreach (var e in doc.EventFacts.Distinct())
        {
            document.Add(new SortedSetDocValuesField(Event, new BytesRef(string.Create(CultureInfo.InvariantCulture, $"{e.Type}{Separator}{e.Year}{Separator}{e.Outcome}"))));
        }

        return document;
    }

    /// <summary>
    /// The name skeletons of a record: every word's, and every two adjacent words' written together, so that "Algharib"
    /// finds "al-Gharib" and "Rasslan" finds "Raslan" (see <see cref="NameMatcher"/>).
    /// </summary>
    public static IEnumerable<string> Skeletons(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var tokens = QueryText.Tokenize(name);
            for (var i = 0; i < tokens.Count; i++)
            {
                foreach (var skeleton in i + 1 < tokens.Count ? [NameMatcher.Skeleton(tokens[i]), NameMatcher.Skeleton(tokens[i] + tokens[i + 1])] : new[] { NameMatcher.Skeleton(tokens[i]) })
                {
                    if (skeleton.Length > 0 && seen.Add(skeleton))
                    {
                        yield return skeleton;
                    }
                }
            }
        }
    }
}
