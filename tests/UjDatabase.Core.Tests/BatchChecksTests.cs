using UjDatabase.Core.Validation;
using UjDatabase.Tests;

namespace UjDatabase.Core.Tests;

public class BatchChecksTests
{
    [Fact]
    public void A_duplicate_id_is_reported_with_where_it_was_first_seen()
    {
        var batch = new BatchChecks();
        Assert.Empty(batch.Add(SampleCases.Valid("a-case"), 3, "one.json"));

        var problem = Assert.Single(batch.Add(SampleCases.Valid("a-case"), 40, "two.json"));

        Assert.Equal("id", problem.Path);
        Assert.Equal(40, problem.Line);
        Assert.Equal("is used twice (first at line 3 of one.json)", problem.Message);
    }

    [Fact]
    public void Related_ids_must_name_a_record_in_the_batch_or_in_the_store()
    {
        var batch = new BatchChecks();
        batch.Add(SampleCases.Valid("a-case") with { Related = ["b-case", "in-store", "nowhere"] }, 1, "f.json");
        batch.Add(SampleCases.Valid("b-case"), 2, "f.json");

        Assert.Equal(["in-store", "nowhere"], batch.UnresolvedReferences().Order());
        var dangling = Assert.Single(batch.DanglingReferences(new HashSet<string> { "in-store" }));

        Assert.Equal("f.json", dangling.Source);
        Assert.Equal("related[2]", dangling.Problem.Path);
        Assert.Equal("nowhere", dangling.Problem.Value);
        Assert.Equal("a-case", dangling.Problem.RecordId);
    }
}
