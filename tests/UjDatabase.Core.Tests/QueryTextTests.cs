using UjDatabase.Core.Search;

namespace UjDatabase.Core.Tests;

public class QueryTextTests
{
    [Fact]
    public void Words_phrases_and_prefixes_are_told_apart_and_folded()
    {
        var text = QueryText.Parse("Habré \"Branch 251\" simbi* al-Gharib");

        Assert.Null(text.Notice);
        Assert.Equal(
            [(TermKind.Word, "habre"), (TermKind.Phrase, "branch 251"), (TermKind.Prefix, "simbi"), (TermKind.Phrase, "al gharib")],
            text.Terms.Select(t => (t.Kind, t.Text)));
    }

    [Theory]
    [InlineData("\"anwar raslan")]
    [InlineData("ras*lan")]
    [InlineData("a*")]
    [InlineData("*")]
    public void Syntax_that_cannot_be_honoured_falls_back_to_plain_words_with_a_notice(string input)
    {
        var text = QueryText.Parse(input);

        Assert.NotNull(text.Notice);
        Assert.All(text.Terms, t => Assert.Equal(TermKind.Word, t.Kind));
    }

    [Fact]
    public void Punctuation_alone_is_no_query()
    {
        Assert.True(QueryText.Parse(" ( ) - ").IsEmpty);
        Assert.True(QueryText.Parse(null).IsEmpty);
    }
}
