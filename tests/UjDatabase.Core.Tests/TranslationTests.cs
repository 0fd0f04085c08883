using System.Globalization;
using System.Text.RegularExpressions;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Export;
using UjDatabase.Core.Languages;
using UjDatabase.Core.Search;
using UjDatabase.Core.Statistics;
using UjDatabase.Core.Vocabularies;
using UjDatabase.Tests;

namespace UjDatabase.Core.Tests;

/// <summary>The French side of the site: every English text of ours has its translation, and only a site culture turns it on.</summary>
public sealed partial class TranslationTests
{
    private static void AssertTranslated(IEnumerable<string> english, string what)
    {
        var missing = english.Distinct(StringComparer.Ordinal).Where(e => Texts.Find(e, Texts.French) is null).ToList();
        Assert.True(missing.Count == 0, $"{what} without a French translation in Languages/fr.tsv: " + string.Join(" | ", missing));
    }

    [Fact]
    public void Every_vocabulary_label_and_definition_has_a_French_translation() =>
        AssertTranslated(Catalogue.All.SelectMany(v => v.Terms).SelectMany(t => new[] { t.Label, t.Definition }), "vocabulary terms");

    [Fact]
    public void Every_facet_name_and_value_label_has_a_French_translation()
    {
        var coded = FacetCatalogue.All.Where(f => f.Name is not ("forum" or "territory" or "nationality")).ToList();
        AssertTranslated(
            FacetCatalogue.All.SelectMany(f => new[] { f.Label, f.MissingLabel })
                .Concat(coded.SelectMany(f => f.Allowed.Select(f.LabelOf))),
            "facet names and values");
    }

    [Fact]
    public void Every_kind_of_change_readers_see_in_a_history_has_a_French_translation() =>
        AssertTranslated(UjDatabase.Core.Editing.RevisionActions.Descriptions.Values, "history actions");

    [Fact]
    public void Every_situation_name_has_a_French_translation() =>
        AssertTranslated(Situations.All.Select(s => s.Name), "situations");

    [Fact]
    public void Every_counting_rule_measure_and_unit_has_a_French_translation()
    {
        var measures = Enum.GetValues<Measure>();
        var units = Enum.GetValues<CountUnit>();
        AssertTranslated(
            measures.Select(MeasureRules.Label)
                .Concat(measures.Select(MeasureRules.Rule))
                .Concat(measures.SelectMany(m => units.Select(u => MeasureRules.Heading(m, u))))
                .Concat(units.Select(StatisticsRequest.UnitRule)),
            "counting rules");
    }

    [Fact]
    public void Every_export_column_has_a_French_header() =>
        AssertTranslated(RecordColumns.For("https://example.org").Select(c => c.Header), "export columns");

    [Fact]
    public void Every_country_has_a_French_name()
    {
        Assert.All(Countries.All, c => Assert.False(string.IsNullOrWhiteSpace(c.FrenchName), c.Code));
        Assert.Equal("Allemagne", Countries.Find("DE")!.FrenchName);
        Assert.Equal("Syrie", Countries.Find("SY")!.FrenchName);
        Assert.Equal("Kosovo", Countries.Find("XK")!.FrenchName);
    }

    /// <summary>
    /// Every string literal in the first argument of a <c>T(...)</c> call in the web app and the core (a text, or each
    /// branch of a choice between texts) must have a line in fr.tsv, so that no page shows English by oversight. The
    /// editors' area is left out: it stays English for now.
    /// </summary>
    [Fact]
    public void Every_English_text_the_code_translates_has_a_French_translation()
    {
        var sources = new[] { "src/UjDatabase.Web", "src/UjDatabase.Core" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(TestFiles.RepoRoot, d), "*.*", SearchOption.AllDirectories))
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                && !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal)
                && !f.Contains("/Pages/Admin/", StringComparison.Ordinal))
            .ToList();
        var texts = sources.SelectMany(f => TranslatedLiterals(File.ReadAllText(f))).ToList();
        Assert.True(texts.Count > 300, $"the scan found only {texts.Count} texts: is it still reading the T(...) calls?");
        AssertTranslated(texts, "texts passed to T(...)");
    }

    [Fact]
    public void Every_translation_keeps_the_placeholders_of_its_English_text()
    {
        var wrong = Texts.TranslatedIn(Texts.French)
            .Where(e => !Placeholders(e).SequenceEqual(Placeholders(Texts.Find(e, Texts.French)!)))
            .ToList();
        Assert.True(wrong.Count == 0, "placeholders differ: " + string.Join(" | ", wrong));
        Assert.All(Texts.TranslatedIn(Texts.French), e => Assert.False(string.IsNullOrWhiteSpace(Texts.Find(e, Texts.French)), e));
    }

    [Fact]
    public void Texts_are_French_only_under_the_site_culture_fr_never_under_a_machine_locale()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr");
            Assert.Equal("Crimes contre l’humanité", Catalogue.Crime.LabelOf("crimes_against_humanity"));
            Assert.Equal("Syrie", Countries.LocalNameOf("SY"));
            Assert.Equal("Syria", Countries.NameOf("SY"));

            // A French server's own locale leaves the index, logs and the command line in English.
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");
            Assert.Equal("Crimes against humanity", Catalogue.Crime.LabelOf("crimes_against_humanity"));
            Assert.Equal("Syria", Countries.LocalNameOf("SY"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void French_dates_are_written_in_French_and_English_ones_as_before()
    {
        var (ui, culture) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            Assert.Equal("1 March 2011", PartialDate.Parse("2011-03-01").ToDisplayString());
            Assert.Equal("January 2022", PartialDate.Parse("2022-01").ToDisplayString());
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr");
            Assert.Equal("1er mars 2011", PartialDate.Parse("2011-03-01").ToDisplayString());
            Assert.Equal("13 janvier 2022", PartialDate.Parse("2022-01-13").ToDisplayString());
            Assert.Equal("janvier 2022", PartialDate.Parse("2022-01").ToDisplayString());
            Assert.Equal("2022", PartialDate.Parse("2022").ToDisplayString());
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, culture);
        }
    }

    [Fact]
    public void A_label_inside_a_French_sentence_keeps_the_capital_of_Etat()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            Assert.Equal("prosecuting state", Texts.InSentence("Prosecuting state"));
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr");
            Assert.Equal("État qui poursuit", Texts.InSentence("État qui poursuit"));
            Assert.Equal("lieu des crimes", Texts.InSentence("Lieu des crimes"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static IEnumerable<string> TranslatedLiterals(string source)
    {
        foreach (Match call in TCall().Matches(source))
        {
            var start = call.Index + call.Length;
            var (depth, i, inString, firstArgumentEnd) = (1, start, false, -1);
            for (; i < source.Length && depth > 0; i++)
            {
                var c = source[i];
                if (inString)
                {
                    if (c == '\\')
                    {
                        i++;
                    }
                    else if (c == '"')
                    {
                        inString = false;
                    }
                }
                else if (c == '"')
                {
                    inString = true;
                }
                else if (c is '(' or '[' or '{')
                {
                    depth++;
                }
                else if (c is ')' or ']' or '}')
                {
                    depth--;
                }
                else if (c == ',' && depth == 1 && firstArgumentEnd < 0)
                {
                    firstArgumentEnd = i;
                }
            }

            var argument = source[start..(firstArgumentEnd >= 0 ? firstArgumentEnd : i - 1)];
            var rest = firstArgumentEnd >= 0 ? source[firstArgumentEnd..(i - 1)] : string.Empty;
            var sense = rest.Contains("Sense.Verb", StringComparison.Ordinal) ? " (verb)" : string.Empty;
            foreach (Match literal in Literal().Matches(argument))
            {
                if (literal.Groups[1].Value.Length > 0)
                {
                    yield return literal.Groups[1].Value.Replace("\\\"", "\"", StringComparison.Ordinal) + sense;
                }
            }
        }
    }

    private static List<string> Placeholders(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"(?<![A-Za-z0-9_])T\(")]
    private static partial Regex TCall();

    [GeneratedRegex(@"(?<![$@])""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Literal();

    [GeneratedRegex(@"\{[0-9]+(:[^}]*)?\}")]
    private static partial Regex Placeholder();
}
