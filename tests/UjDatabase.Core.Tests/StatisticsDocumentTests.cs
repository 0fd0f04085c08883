using UjDatabase.Core.Statistics;
using UjDatabase.Tests;

namespace UjDatabase.Core.Tests;

public class StatisticsDocumentTests
{
    [Fact]
    public void The_statistics_document_states_every_counting_rule_as_the_code_prints_it()
    {
        var document = File.ReadAllText(Path.Combine(TestFiles.RepoRoot, "docs", "statistics.md"));

        foreach (var measure in Enum.GetValues<Measure>())
        {
            Assert.Contains($"| `{MeasureRules.Code(measure)}` | {MeasureRules.Rule(measure)} |", document, StringComparison.Ordinal);
        }

        foreach (var unit in Enum.GetValues<CountUnit>())
        {
            Assert.Contains($"| `{StatisticsRequest.UnitCode(unit)}` | {StatisticsRequest.UnitRule(unit)} |", document, StringComparison.Ordinal);
        }
    }
}
