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
}
