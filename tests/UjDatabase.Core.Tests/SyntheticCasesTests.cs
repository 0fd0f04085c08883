using UjDatabase.Core.Synthetic;
using UjDatabase.Core.Validation;

namespace UjDatabase.Core.Tests;

public class SyntheticCasesTests
{
    [Fact]
    public void Generated_records_are_valid_marked_synthetic_and_repeatable()
    {
        var first = SyntheticCases.Generate(2000, seed: 7).ToList();
        var again = SyntheticCases.Generate(2000, seed: 7).ToList();

        Assert.All(first, r =>
        {
            Assert.Empty(CaseValidator.Validate(r));
            Assert.StartsWith(SyntheticCases.IdPrefix, r.Id, StringComparison.Ordinal);
            Assert.StartsWith("[synthetic]", r.Title, StringComparison.Ordinal);
        });
        Assert.Equal(2000, first.Select(r => r.Id).Distinct().Count());
        Assert.Equal(first.Select(r => Interchange.CaseJson.Serialize(r)), again.Select(r => Interchange.CaseJson.Serialize(r)));
    }

    [Fact]
    public void Place_names_are_distinct_and_summaries_mention_common_ones_often_and_rare_ones_seldom()
    {
        Assert.Equal(SyntheticCases.PlaceCount, Enumerable.Range(0, SyntheticCases.PlaceCount).Select(SyntheticCases.PlaceName).Distinct().Count());
        var summaries = SyntheticCases.Generate(20000, seed: 3).Select(r => r.Summary!).ToList();

        long Mentions(int place) => summaries.Count(s => s.EndsWith(" near " + SyntheticCases.PlaceName(place) + ".", StringComparison.Ordinal));

        Assert.InRange(Mentions(0), 2000, 5000);
        Assert.InRange(Mentions(SyntheticCases.PlaceCount - 1), 0, 10);
    }
}
