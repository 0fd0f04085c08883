using UjDatabase.Core.Search;

namespace UjDatabase.Core.Tests;

public class CaseQueryTests
{
    [Theory]
    [InlineData("")]
    [InlineData("q=raslan")]
    [InlineData("q=%22al-Gharib%22%20koblenz&forum=DE&forum=FR&territory=SY&crime=crimes_against_humanity&charge_stage=convicted")]
    [InlineData("nationality=RW&basis=universal&stage=final&verdict=_missing&affiliation=economic_actor&type=person&gender=female&presence=in_absentia")]
    [InlineData("event=verdict_first_instance&from=2019&to=2022&sort=date&page=3&size=50")]
    [InlineData("from=2001&sort=name")]
    [InlineData("territory=SY&situation=syria-2011&situation=_missing&group=al-khatib-koblenz&event=arrest")]
    public void Canonical_query_strings_round_trip_exactly(string queryString)
    {
        var parsed = CaseQueryParser.Parse(queryString);

        Assert.Empty(parsed.Errors);
        Assert.Equal(queryString, parsed.Query.ToQueryString());
        Assert.Equal(queryString, CaseQueryParser.Parse(parsed.Query.ToQueryString()).Query.ToQueryString());
    }

    [Theory]
    [InlineData("group=Al-Khatib")]
    [InlineData("group=al%20khatib")]
    [InlineData("group=a&group=b")]
    [InlineData("situation=Syria%202011-")]
    public void A_group_must_be_one_case_group_id_and_a_situation_a_listed_slug(string queryString)
    {
        var parsed = CaseQueryParser.Parse(queryString);

        Assert.False(parsed.IsValid);
        Assert.Equal(queryString[..queryString.IndexOf('=', StringComparison.Ordinal)], parsed.Errors.Single().Parameter);
    }

    [Fact]
    public void Parameters_are_written_back_in_a_fixed_order_with_defaults_left_out()
    {
        var parsed = CaseQueryParser.Parse("size=20&page=1&sort=relevance&territory=SY&q=habre&forum=SN&unknown=1");

        Assert.Empty(parsed.Errors);
        Assert.Equal("q=habre&forum=SN&territory=SY", parsed.Query.ToQueryString());
    }

    [Fact]
    public void Repeating_a_facet_parameter_collects_its_values_once_each()
    {
        var query = CaseQueryParser.Parse("forum=DE&forum=FR&forum=DE").Query;

        Assert.Equal(["DE", "FR"], query.Selected("forum"));
    }

    [Theory]
    [InlineData("forum=Germany", "forum")]
    [InlineData("forum=de", "forum")]
    [InlineData("crime=murder", "crime")]
    [InlineData("stage=sentenced", "stage")]
    [InlineData("event=sentencing", "event")]
    [InlineData("from=19", "from")]
    [InlineData("from=2019-01", "from")]
    [InlineData("to=abcd", "to")]
    [InlineData("from=2020&to=2010", "from")]
    [InlineData("sort=random", "sort")]
    [InlineData("page=0", "page")]
    [InlineData("page=-1", "page")]
    [InlineData("size=0", "size")]
    [InlineData("size=100000", "size")]
    [InlineData("size=101", "size")]
    [InlineData("page=101&size=100", "page")]
    [InlineData("page=2&page=3", "page")]
    [InlineData("q=a&q=b", "q")]
    public void Invalid_values_are_reported_by_parameter(string queryString, string parameter)
    {
        var error = Assert.Single(CaseQueryParser.Parse(queryString).Errors);

        Assert.Equal(parameter, error.Parameter);
    }

    [Fact]
    public void The_text_query_is_limited_to_500_characters()
    {
        Assert.Empty(CaseQueryParser.Parse("q=" + new string('a', 500)).Errors);
        Assert.Equal("q", Assert.Single(CaseQueryParser.Parse("q=" + new string('a', 501)).Errors).Parameter);
    }

    [Fact]
    public void The_last_page_within_the_window_is_allowed()
    {
        Assert.Empty(CaseQueryParser.Parse("page=100&size=100").Errors);
        Assert.Empty(CaseQueryParser.Parse("page=500&size=20").Errors);
    }

    [Fact]
    public void Unknown_parameters_and_empty_values_are_ignored()
    {
        var parsed = CaseQueryParser.Parse("utm_source=x&forum=&q=&event=");

        Assert.Empty(parsed.Errors);
        Assert.Equal(string.Empty, parsed.Query.ToQueryString());
    }

    [Fact]
    public void A_query_describes_itself_in_words()
    {
        var query = CaseQueryParser.Parse("q=raslan&forum=DE&crime=torture&crime=war_crimes&from=2019&to=2022").Query;

        Assert.Equal("“raslan”; Prosecuting state: Germany; Crime: Torture or War crimes; any event 2019–2022", query.Describe());
    }
}
