using UjDatabase.Core.Search;
using UjDatabase.Tests;

namespace UjDatabase.Core.Tests;

/// <summary>How typed text matches names, and how matching names become suggestions.</summary>
public class NameSuggestionsTests
{
    private static Cases.CaseRecord Record(string id, string name, params string[] aliases) =>
        SampleCases.Valid(id) with { Title = $"{name} ({id})", Accused = SampleCases.Valid(id).Accused with { Name = name, PublishedName = null, Aliases = aliases } };

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a")]
    [InlineData("-*\"")]
    public void Fewer_than_two_letters_suggest_nothing(string typed)
    {
        Assert.Null(NamePrefix.Parse(typed));
    }

    [Theory]
    [InlineData("ras", "Anwar Raslan", true)]
    [InlineData("anwar ras", "Anwar Raslan", true)]
    [InlineData("ANWAR raslan", "Anwar Raslan", true)]
    [InlineData("habre", "Hissène Habré", true)]
    [InlineData("al-gh", "Eyad al-Gharib", true)]
    [InlineData("gharib", "Eyad al-Gharib", true)]
    [InlineData("anw ras", "Anwar Raslan", false)]
    [InlineData("raslan anwar", "Anwar Raslan", false)]
    [InlineData("aslan", "Anwar Raslan", false)]
    public void A_name_matches_when_its_words_hold_the_typed_ones_in_order_the_last_as_a_start(string typed, string name, bool matches)
    {
        Assert.Equal(matches, NamePrefix.Parse(typed)!.Matches(name));
    }

    [Fact]
    public void Names_and_aliases_that_match_become_one_suggestion_each_naming_their_records()
    {
        var records = new[]
        {
            Record("a-1", "Hissène Habré", "Hissein Habré"),
            Record("a-2", "Hissène Habré"),
            Record("b-1", "Ali Habib"),
            Record("c-1", "Maria Lopez", "Habanera"),
        };

        var suggestions = NameSuggestions.From(NamePrefix.Parse("hab")!, records, 10);

        Assert.Equal(["Habanera", "Hissène Habré", "Hissein Habré", "Ali Habib"], suggestions.Select(s => s.Name));
        Assert.Equal(["a-1", "a-2"], suggestions[1].Records.Select(r => r.Id));
        Assert.Equal("Hissène Habré (a-1)", suggestions[1].Records[0].Title);
    }

    [Fact]
    public void Suggestions_stop_at_the_size_and_leave_out_drafts()
    {
        var records = Enumerable.Range(0, 20).Select(i => Record($"r-{i}", $"Ahmad Name{i}")).Append(Record("draft", "Ahmad Draft") with { Publication = "draft" });

        var suggestions = NameSuggestions.From(NamePrefix.Parse("ahmad")!, records, 5);

        Assert.Equal(5, suggestions.Count);
        Assert.DoesNotContain(NameSuggestions.From(NamePrefix.Parse("ahmad dr")!, records, 5), s => s.Name == "Ahmad Draft");
    }

    [Fact]
    public async Task Records_are_read_a_few_at_a_time_until_there_are_enough_names()
    {
        var records = Enumerable.Range(0, 30).Select(i => Record($"r-{i}", i < 3 ? "Omar Same" : $"Omar Name{i}")).ToDictionary(r => r.Id);
        var reads = new List<int>();
        Task<IReadOnlyList<Cases.CaseRecord>> Read(IReadOnlyList<string> ids, CancellationToken _)
        {
            reads.Add(ids.Count);
            return Task.FromResult<IReadOnlyList<Cases.CaseRecord>>(ids.Where(records.ContainsKey).Select(id => records[id]).ToList());
        }

        var suggestions = await NameSuggestions.ReadAsync(NamePrefix.Parse("omar")!, [.. records.Keys, "gone"], Read, 5);

        // The first five records bear three names (three share one), so a second chunk of five is read, and no more.
        Assert.Equal([5, 5], reads);
        Assert.Equal(5, suggestions.Count);
        Assert.Equal(3, suggestions[0].Records.Count);
    }
}
