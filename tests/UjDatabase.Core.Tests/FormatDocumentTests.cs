using System.Text;
using UjDatabase.Core.Vocabularies;
using UjDatabase.Tests;

namespace UjDatabase.Core.Tests;

public class FormatDocumentTests
{
    private const string Start = "<!-- vocabularies:start -->";
    private const string End = "<!-- vocabularies:end -->";

    private static string Render()
    {
        var text = new StringBuilder();
        foreach (var vocabulary in Catalogue.All)
        {
            text.Append("\n### `").Append(vocabulary.Field).Append("`\n\n| code | label | definition |\n|---|---|---|\n");
            foreach (var term in vocabulary.Terms)
            {
                text.Append("| `").Append(term.Code).Append("` | ").Append(term.Label).Append(" | ").Append(term.Definition).Append(" |\n");
            }
        }

        return text.Append('\n').ToString();
    }

    /// <summary>Run with UJDB_UPDATE_DOCS=1 to rewrite the tables from the catalogue.</summary>
    [Fact]
    public void Vocabulary_tables_in_the_format_document_match_the_catalogue()
    {
        var path = Path.Combine(TestFiles.RepoRoot, "docs", "interchange-format.md");
        var document = File.ReadAllText(path);
        var from = document.IndexOf(Start, StringComparison.Ordinal) + Start.Length;
        var to = document.IndexOf(End, StringComparison.Ordinal);
        var expected = Render();

        if (Environment.GetEnvironmentVariable("UJDB_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, string.Concat(document.AsSpan(0, from), expected, document.AsSpan(to)));
            return;
        }

        Assert.Equal(expected, document[from..to]);
    }
}
