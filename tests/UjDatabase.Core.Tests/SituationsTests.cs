using UjDatabase.Core.Search;
using UjDatabase.Core.Vocabularies;

namespace UjDatabase.Core.Tests;

public class SituationsTests
{
    [Theory]
    [InlineData("Syria 2011-", "syria-2011")]
    [InlineData("Syria 2011- (shelling of the informal press centre in Baba Amr, Homs, 22 February 2012)", "syria-2011")]
    [InlineData("  SYRIA 2011- (Islamic State)", "syria-2011")]
    [InlineData("Chad under Hissene Habre (1982-1990)", "chad-1982-1990")]
    [InlineData("Second Liberian Civil War (1999-2003)", "liberia-1989-2003")]
    [InlineData("First Liberian Civil War (1989-1996), Operation Octopus", "liberia-1989-2003")]
    public void A_situation_gathers_every_record_whose_situation_text_begins_with_one_of_its_beginnings(string text, string slug) =>
        Assert.Equal([slug], Situations.Of(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Hama massacre, Syria 1982")]
    public void A_record_in_no_listed_situation_has_none(string? text) => Assert.Empty(Situations.Of(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Syria-2011")]
    [InlineData("syria 2011")]
    [InlineData("../syria-2011")]
    public void Only_a_listed_slug_finds_a_situation(string? slug) => Assert.Null(Situations.Find(slug));

    [Fact]
    public void Slugs_are_unique_lower_case_words_joined_by_hyphens()
    {
        Assert.Equal(Situations.All.Count, Situations.All.Select(s => s.Slug).Distinct().Count());
        Assert.All(Situations.All, s => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", s.Slug));
    }

    [Fact]
    public void The_situation_facet_filters_by_the_same_slugs_and_names_the_rest_other()
    {
        var facet = FacetCatalogue.Find("situation")!;
        Assert.True(facet.IsValidValue("rwanda-1994"));
        Assert.False(facet.IsValidValue("Rwanda genocide 1994"));
        Assert.Equal("Other or not recorded", facet.LabelOf(FacetCatalogue.Missing));
        Assert.Equal(["rwanda-1994"], facet.Values(UjDatabase.Tests.SampleCases.Valid() with { Situation = "Rwanda genocide 1994 (massacres at Bisesero, western Rwanda)" }));
    }
}
