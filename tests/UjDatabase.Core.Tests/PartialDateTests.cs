using System.Text.Json;
using UjDatabase.Core.Cases;

namespace UjDatabase.Core.Tests;

public class PartialDateTests
{
    [Theory]
    [InlineData("2011", DatePrecision.Year)]
    [InlineData("2011-04", DatePrecision.Month)]
    [InlineData("2011-04-23", DatePrecision.Day)]
    [InlineData("2020-02-29", DatePrecision.Day)]
    public void Parses_each_precision_and_writes_it_back_unchanged(string text, DatePrecision precision)
    {
        var date = PartialDate.Parse(text);

        Assert.Equal(precision, date.Precision);
        Assert.Equal(text, date.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("11")]
    [InlineData("2011-4")]
    [InlineData("2011-04-1")]
    [InlineData("2011/04/01")]
    [InlineData(" 2011")]
    [InlineData("2011-04-01T00:00")]
    [InlineData("2011-13")]
    [InlineData("2011-00")]
    [InlineData("2011-04-00")]
    [InlineData("2011-04-31")]
    [InlineData("2019-02-29")]
    [InlineData("0999")]
    [InlineData("２０１１")]
    [InlineData("abcd")]
    public void Rejects_anything_that_is_not_a_strict_partial_date(string text)
    {
        Assert.False(PartialDate.TryParse(text, out _));
        Assert.Throws<FormatException>(() => PartialDate.Parse(text));
    }

    [Fact]
    public void Orders_less_precise_dates_before_the_dates_they_contain_like_their_text()
    {
        var texts = new[] { "2012", "2011-04-02", "2011", "2011-04", "2011-05", "2011-04-01", "2010-12-31" };

        var byValue = texts.Select(PartialDate.Parse).Order().Select(d => d.ToString()).ToArray();
        var byText = texts.Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(["2010-12-31", "2011", "2011-04", "2011-04-01", "2011-04-02", "2011-05", "2012"], byValue);
        Assert.Equal(byText, byValue);
    }

    [Fact]
    public void Equality_depends_on_precision()
    {
        Assert.Equal(PartialDate.Parse("2011-04"), PartialDate.OfMonth(2011, 4));
        Assert.NotEqual(PartialDate.Parse("2011"), PartialDate.Parse("2011-01"));
        Assert.True(PartialDate.Parse("2011") < PartialDate.Parse("2011-01"));
    }

    [Theory]
    [InlineData("2011-03", "2011-04", true)]
    [InlineData("2011", "2011-04", false)]
    [InlineData("2011-04-30", "2011-05", true)]
    [InlineData("2011-05-01", "2011-05", false)]
    [InlineData("2010", "2011", true)]
    [InlineData("2011-12-31", "2011", false)]
    public void Is_certainly_before_only_when_every_possible_day_is_earlier(string a, string b, bool expected)
    {
        Assert.Equal(expected, PartialDate.Parse(a).IsCertainlyBefore(PartialDate.Parse(b)));
    }

    [Fact]
    public void Earliest_and_latest_span_the_unknown_part()
    {
        Assert.Equal(new DateOnly(2020, 2, 1), PartialDate.Parse("2020-02").Earliest);
        Assert.Equal(new DateOnly(2020, 2, 29), PartialDate.Parse("2020-02").Latest);
        Assert.Equal(new DateOnly(2019, 12, 31), PartialDate.Parse("2019").Latest);
    }

    [Fact]
    public void Serialises_as_its_text_in_json()
    {
        var json = JsonSerializer.Serialize(new[] { PartialDate.Parse("2011-04") });

        Assert.Equal("[\"2011-04\"]", json);
        Assert.Equal(PartialDate.Parse("2011-04"), JsonSerializer.Deserialize<PartialDate[]>(json)![0]);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<PartialDate[]>("[\"2011-4\"]"));
    }
}
