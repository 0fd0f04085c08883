using UjDatabase.Core.Search;

namespace UjDatabase.Core.Tests;

public class QueryTextTests
{
    private static List<(TermKind Kind, string Text)> Terms(QueryText text) =>
        text.Required.SelectMany(c => c.Alternatives).Select(t => (t.Kind, t.Text)).ToList();

    [Fact]
    public void Words_phrases_and_prefixes_are_told_apart_and_folded()
    {
        var text = QueryText.Parse("Habré \"Branch 251\" simbi* al-Gharib");

        Assert.Null(text.Notice);
        Assert.Equal([(TermKind.Word, "habre"), (TermKind.Phrase, "branch 251"), (TermKind.Prefix, "simbi"), (TermKind.Phrase, "al gharib")], Terms(text));
        Assert.Equal(["Habré", "Branch 251", "simbi", "al-Gharib"], text.Required.Select(c => c.Alternatives[0].Raw));
    }

    [Fact]
    public void Or_joins_alternatives_into_one_clause()
    {
        var text = QueryText.Parse("raslan OR simbikangwa OR \"al gharib\" koblenz");

        Assert.Null(text.Notice);
        Assert.Equal(2, text.Required.Count);
        Assert.Equal(["raslan", "simbikangwa", "al gharib"], text.Required[0].Alternatives.Select(t => t.Text));
        Assert.Equal(["koblenz"], text.Required[1].Alternatives.Select(t => t.Text));
    }

    [Theory]
    [InlineData("raslan -koblenz")]
    [InlineData("raslan NOT koblenz")]
    [InlineData("+raslan AND -koblenz")]
    public void Minus_and_not_exclude_and_and_plus_change_nothing(string input)
    {
        var text = QueryText.Parse(input);

        Assert.Null(text.Notice);
        Assert.Equal([(TermKind.Word, "raslan")], Terms(text));
        Assert.Equal(["koblenz"], text.Excluded.Select(t => t.Text));
    }

    [Fact]
    public void A_query_may_only_exclude()
    {
        var text = QueryText.Parse("-\"structural investigation\" -germany");

        Assert.Empty(text.Required);
        Assert.Equal(["structural investigation", "germany"], text.Excluded.Select(t => t.Text));
        Assert.False(text.IsEmpty);
    }

    [Fact]
    public void Lower_case_or_is_a_word_and_a_hyphenated_name_is_not_an_exclusion()
    {
        Assert.Equal([(TermKind.Word, "raslan"), (TermKind.Word, "or"), (TermKind.Word, "simbikangwa")], Terms(QueryText.Parse("raslan or simbikangwa")));
        Assert.Empty(QueryText.Parse("al-Gharib").Excluded);
    }

    [Theory]
    [InlineData("\"anwar raslan", "quotes do not pair up", "anwar raslan")]
    [InlineData("ras*lan", "a * can only end", "ras lan")]
    [InlineData("*raslan", "a * can only end", "raslan")]
    [InlineData("NEAR(raslan koblenz)", "brackets", "raslan koblenz")]
    [InlineData("(raslan OR gharib) koblenz", "brackets", "raslan gharib koblenz")]
    [InlineData("OR raslan", "OR and NOT", "raslan")]
    [InlineData("raslan OR", "OR and NOT", "raslan")]
    [InlineData("raslan NOT", "OR and NOT", "raslan")]
    [InlineData("raslan OR -koblenz", "OR and NOT", "raslan koblenz")]
    [InlineData("title:raslan", "field names", "title raslan")]
    [InlineData("raslan~2", "field names", "raslan 2")]
    public void Syntax_that_cannot_be_honoured_is_searched_as_plain_words_with_a_notice(string input, string reason, string words)
    {
        var text = QueryText.Parse(input);

        Assert.Contains(reason, text.Notice, StringComparison.Ordinal);
        Assert.EndsWith($"searched as plain words: {words}.", text.Notice, StringComparison.Ordinal);
        Assert.All(text.Required, c => Assert.Equal(TermKind.Word, Assert.Single(c.Alternatives).Kind));
        Assert.Empty(text.Excluded);
    }

    [Fact]
    public void Punctuation_alone_is_no_query()
    {
        Assert.True(QueryText.Parse(" ( ) - ").IsEmpty);
        Assert.True(QueryText.Parse(" - + ").IsEmpty);
        Assert.True(QueryText.Parse(null).IsEmpty);
    }

    [Fact]
    public void The_work_of_a_query_is_bounded_with_a_notice()
    {
        var text = QueryText.Parse(string.Join(' ', Enumerable.Range(0, 250).Select(i => $"w{i}")));

        Assert.Equal(QueryText.MaxTerms, text.Required.Count);
        Assert.Contains("Only the first 20 terms", text.Notice, StringComparison.Ordinal);
        var phrase = QueryText.Parse("\"" + string.Join(' ', Enumerable.Range(0, 40).Select(i => $"w{i}")) + "\"");
        Assert.Equal(QueryText.MaxPhraseWords, phrase.Required[0].Alternatives[0].Tokens.Count);
        Assert.Equal(QueryText.MaxPhraseWords, phrase.Required[0].Alternatives[0].Raw.Split(' ').Length);
    }

    [Fact]
    public void Adjacent_words_are_offered_only_for_a_plain_list()
    {
        Assert.Equal(["eyad", "al", "gharib"], QueryText.Parse("eyad al-gharib").AdjacentWords);
        Assert.Null(QueryText.Parse("eyad OR gharib koblenz").AdjacentWords);
        Assert.Null(QueryText.Parse("raslan").AdjacentWords);
        Assert.Null(QueryText.Parse("simbi* pascal").AdjacentWords);
    }

    [Theory]
    [InlineData("a*", "a")]
    [InlineData("al-g*", "al g")]
    public void A_prefix_of_fewer_than_three_letters_is_searched_as_typed_with_a_notice(string query, string searched)
    {
        var text = QueryText.Parse(query);

        var term = Assert.Single(Assert.Single(text.Required).Alternatives);
        Assert.NotEqual(TermKind.Prefix, term.Kind);
        Assert.Equal(searched, term.Text);
        Assert.Contains("at least 3 letters", text.Notice, StringComparison.Ordinal);
        Assert.Null(QueryText.Parse("sim*").Notice);
        Assert.Equal(TermKind.Prefix, QueryText.Parse("sim*").Required[0].Alternatives[0].Kind);
    }
}
