using UjDatabase.Core.Editing;

namespace UjDatabase.Core.Tests;

/// <summary>What readers see of a record's history: only what was once public.</summary>
public sealed class ReadersHistoryTests
{
    private static string Json(string publication, string name) =>
        new System.Text.Json.Nodes.JsonObject { ["publication"] = publication, ["accused"] = new System.Text.Json.Nodes.JsonObject { ["name"] = name } }.ToJsonString();

    private static RecordRevision Revision(int number, string? before, string after) =>
        new("r", number, DateTimeOffset.UnixEpoch.AddDays(number), "alice", RevisionActions.Edit, before, after);

    [Fact]
    public void A_revision_is_compared_with_the_record_as_it_was_last_public_not_with_an_unpublished_state_between()
    {
        var history = new[]
        {
            Revision(1, null, Json("draft", "Secret name")),
            Revision(2, Json("draft", "Secret name"), Json("published", "Public name")),
            Revision(3, Json("published", "Public name"), Json("draft", "Another secret")),
            Revision(4, Json("draft", "Another secret"), Json("published", "Second public name")),
        };

        var shown = ReadersHistory.Of(history);

        Assert.Equal([2, 4], shown.Select(s => s.Revision.Number));
        Assert.Null(Assert.Single(shown[0].Changes, c => c.Field == "publication").Before);
        var name = Assert.Single(shown[1].Changes);
        Assert.Equal(("accused.name", "\"Public name\"", "\"Second public name\""), (name.Field, name.Before, name.After));
        Assert.DoesNotContain(shown.SelectMany(s => s.Changes), c => (c.Before + c.After).Contains("secret", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_record_published_before_its_history_began_is_compared_with_that_published_state()
    {
        var shown = ReadersHistory.Of([Revision(1, Json("published", "Seed name"), Json("published", "Corrected name"))]);

        var change = Assert.Single(Assert.Single(shown).Changes);
        Assert.Equal(("\"Seed name\"", "\"Corrected name\""), (change.Before, change.After));
    }
}
