using UjDatabase.Core.Vocabularies;

namespace UjDatabase.Core.Tests;

public class CatalogueTests
{
    [Fact]
    public void Every_vocabulary_has_unique_codes_with_labels_and_definitions()
    {
        foreach (var vocabulary in Catalogue.All)
        {
            Assert.Equal(vocabulary.Terms.Count, vocabulary.Terms.Select(t => t.Code).Distinct().Count());
            Assert.All(vocabulary.Terms, t =>
            {
                Assert.Matches("^[a-z_]+$", t.Code);
                Assert.False(string.IsNullOrWhiteSpace(t.Label));
                Assert.False(string.IsNullOrWhiteSpace(t.Definition));
            });
        }
    }

    [Fact]
    public void Vocabularies_hold_exactly_the_codes_of_the_interchange_format()
    {
        Assert.Equal(["genocide", "crimes_against_humanity", "war_crimes", "torture", "enforced_disappearance", "aggression", "other"],
            Catalogue.Crime.Terms.Select(t => t.Code));
        Assert.Equal(["complaint", "investigation", "arrest_warrant", "arrest", "indictment", "trial", "judgment", "appeal", "final", "dismissed", "extradited", "deceased", "closed"],
            Catalogue.Stage.Terms.Select(t => t.Code));
        Assert.Equal(["none", "convicted", "acquitted", "partially_convicted"], Catalogue.Verdict.Terms.Select(t => t.Code));
        Assert.Equal(["detained", "at_large", "in_absentia", "released", "deceased", "unknown"], Catalogue.Presence.Terms.Select(t => t.Code));
        Assert.Equal(19, Catalogue.EventType.Terms.Count);
        Assert.Equal(9, Catalogue.Affiliation.Terms.Count);
    }

    [Fact]
    public void Labels_come_from_the_catalogue_and_unknown_codes_show_as_themselves()
    {
        Assert.Equal("Crimes against humanity", Catalogue.Crime.LabelOf("crimes_against_humanity"));
        Assert.Equal("no_such_code", Catalogue.Crime.LabelOf("no_such_code"));
    }

    [Fact]
    public void Countries_are_iso_alpha_2_with_english_names_plus_kosovo()
    {
        Assert.Equal(250, Countries.All.Count);
        Assert.Equal("Syria", Countries.NameOf("SY"));
        Assert.Equal("Kosovo", Countries.NameOf("XK"));
        Assert.Equal("Democratic Republic of the Congo", Countries.NameOf("CD"));
        Assert.All(Countries.All, c => Assert.Matches("^[A-Z]{2}$", c.Code));
        Assert.False(Countries.IsValid("sy"));
        Assert.False(Countries.IsValid("SYR"));
    }

    [Theory]
    [InlineData("YU", "BA")]
    [InlineData("ZR", "CD")]
    [InlineData("SU", "UA")]
    [InlineData("CS", "RS")]
    public void Historical_states_are_not_valid_codes_but_name_their_successors(string code, string successor)
    {
        Assert.False(Countries.IsValid(code));
        Assert.Contains(successor, Countries.FindHistorical(code)!.Successors);
        Assert.All(Countries.FindHistorical(code)!.Successors, s => Assert.True(Countries.IsValid(s)));
    }
}
