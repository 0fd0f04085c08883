using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;

namespace UjDatabase.Web.Tests;

/// <summary>Every parameter on every route is checked the same way: a bad value is a 400 that names it, never silently ignored.</summary>
public sealed class ParameterTests(FreshAppFactory factory) : IClassFixture<FreshAppFactory>
{
    [Theory]
    [InlineData("/api/stats?year=abc", "year")]
    [InlineData("/api/stats?year=2024abc&measure=convicted", "year")]
    [InlineData("/api/stats?measure=records&year=2024", "year")]
    [InlineData("/api/stats?year=2024", "year")]
    [InlineData("/api/stats?unit=cases&unit=charges", "unit")]
    [InlineData("/api/stats?by=forum&by=forum", "by")]
    [InlineData("/api/stats?format=csv&format=json", "format")]
    [InlineData("/api/stats?page=2", "page")]
    [InlineData("/api/stats/chart.svg?year=abc&measure=new", "year")]
    [InlineData("/api/stats/chart.svg?colour=red", "colour")]
    [InlineData("/api/cases?forum=DE&unknown=1", "unknown")]
    [InlineData("/api/cases?size=abc", "size")]
    [InlineData("/api/cases/export?format=csv&page=2", "page")]
    [InlineData("/api/cases/export?format=json&format=csv", "format")]
    [InlineData("/feeds/cases.atom?page=3", "page")]
    [InlineData("/api/stats/review?year=abc", "year")]
    [InlineData("/api/stats/review?year=2024&since=2030", "since")]
    [InlineData("/api/stats/review?format=csv", "table")]
    [InlineData("/api/stats/review?format=csv&table=99", "table")]
    [InlineData("/api/stats/review?format=pdf", "format")]
    public async Task A_bad_or_unknown_api_parameter_is_a_400_problem_that_names_it(string url, string parameter)
    {
        var response = await factory.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(parameter, out _), $"no error for {parameter}: {errors}");
    }

    [Theory]
    [InlineData("/stats?year=abc", "year")]
    [InlineData("/stats?measure=convicted&year=20x4", "year")]
    [InlineData("/stats/review?year=abc", "year")]
    [InlineData("/stats/review?year=2024&since=2030", "since")]
    [InlineData("/stats/review?year=1200", "year")]
    [InlineData("/search?page=abc", "page")]
    [InlineData("/map?forum=XX", "forum")]
    [InlineData("/map?view=moon", "view")]
    [InlineData("/map?view=forum&view=territory", "view")]
    [InlineData("/map?measure=convicted&year=20x4", "year")]
    public async Task A_bad_page_parameter_is_a_400_page_that_names_it(string url, string parameter)
    {
        var response = await factory.CreateClient().GetAsync(url);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(page.QuerySelectorAll(".notice.error code"), c => c.TextContent.StartsWith(parameter + "=", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/search?forum=DE&utm_source=mail", "utm_source")]
    [InlineData("/stats?by=forum&sort=name", "sort")]
    [InlineData("/map?forum=DE&page=2", "page")]
    [InlineData("/stats/review?year=2024&by=forum", "by")]
    public async Task A_page_shows_the_parameters_it_does_not_use(string url, string parameter)
    {
        var response = await factory.CreateClient().GetAsync(url);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var notice = page.QuerySelectorAll("p.notice").Single(p => p.TextContent.Contains("does not use", StringComparison.Ordinal));
        Assert.Contains(parameter, notice.TextContent, StringComparison.Ordinal);
    }
}
