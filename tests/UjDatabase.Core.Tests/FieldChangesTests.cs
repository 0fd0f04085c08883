using UjDatabase.Core.Cases;
using UjDatabase.Core.Editing;

namespace UjDatabase.Core.Tests;

/// <summary>What a change changed, field by field.</summary>
public class FieldChangesTests
{
    private static CaseRecord Record() => new()
    {
        Id = "sample-case",
        Title = "Sample (Court)",
        Accused = new Accused { Name = "A. Sample", Aliases = ["Sam"] },
        Forum = new Forum { Country = "DE", Court = "Court" },
        Events = [new CaseEvent { Date = PartialDate.Parse("2020"), Type = "arrest" }],
    };

    [Fact]
    public void Only_the_fields_that_differ_are_listed_and_the_accused_field_by_field()
    {
        var before = Record();
        var after = before with { Accused = before.Accused with { Aliases = ["Sam", "Sammy"] }, Summary = "New summary." };

        var changes = FieldChanges.Between(before, after);

        Assert.Equal(["accused.aliases", "summary"], changes.Select(c => c.Field).Order(StringComparer.Ordinal));
        var aliases = changes.Single(c => c.Field == "accused.aliases");
        Assert.Equal(("[\"Sam\"]", "[\"Sam\",\"Sammy\"]"), (aliases.Before, aliases.After));
        Assert.True(aliases.IsList);
        Assert.Equal(["\"Sammy\""], aliases.Added);
        Assert.Empty(aliases.Removed);
        Assert.Equal((null, "\"New summary.\""), (changes.Single(c => c.Field == "summary").Before, changes.Single(c => c.Field == "summary").After));
    }

    [Fact]
    public void A_new_record_lists_every_field_it_has_with_no_before()
    {
        var changes = FieldChanges.Between(null, Record());

        Assert.All(changes, c => Assert.Null(c.Before));
        Assert.Contains(changes, c => c.Field == "id" && c.After == "\"sample-case\"");
    }

    [Fact]
    public void A_list_change_says_which_items_came_and_went()
    {
        var before = Record();
        var after = before with { Events = [new CaseEvent { Date = PartialDate.Parse("2021"), Type = "indictment" }] };

        var events = FieldChanges.Between(before, after).Single();

        Assert.Equal("events", events.Field);
        Assert.Single(events.Added);
        Assert.Contains("indictment", events.Added[0], StringComparison.Ordinal);
        Assert.Contains("arrest", Assert.Single(events.Removed), StringComparison.Ordinal);
    }
}
