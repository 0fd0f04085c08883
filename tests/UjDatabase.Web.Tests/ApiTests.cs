using System.Net;
using System.Text.Json;
using UjDatabase.Core.Interchange;
using UjDatabase.Tests;

namespace UjDatabase.Web.Tests;

public sealed class ApiTests(FreshAppFactory factory) : IClassFixture<FreshAppFactory>
{
    private static int SeedCount() => TestFiles.SeedFiles.Sum(f => CaseFileReader.ReadFile(f).Count());

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        var response = await factory.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task Search_returns_total_page_size_items_and_facets()
    {
        var json = await GetJsonAsync("/api/cases?size=5");

        Assert.Equal(SeedCount(), json.GetProperty("total").GetInt64());
        Assert.Equal(1, json.GetProperty("page").GetInt32());
        Assert.Equal(5, json.GetProperty("size").GetInt32());
        Assert.Equal(5, json.GetProperty("items").GetArrayLength());
        var forum = json.GetProperty("facets").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "forum");
        var first = forum.GetProperty("values")[0];
        Assert.Equal("FR", first.GetProperty("value").GetString());
        Assert.Equal("France", first.GetProperty("label").GetString());
        Assert.False(first.GetProperty("selected").GetBoolean());
        Assert.True(first.GetProperty("count").GetInt64() > 10);
    }

    [Fact]
    public async Task Search_takes_the_site_parameters_and_highlights_matches()
    {
        var json = await GetJsonAsync("/api/cases?q=Rasslan&forum=DE");

        var item = json.GetProperty("items")[0];
        Assert.Equal("raslan-koblenz", item.GetProperty("id").GetString());
        Assert.Equal("/cases/raslan-koblenz", item.GetProperty("url").GetString());
        Assert.Contains("<mark>", item.GetProperty("highlights")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("q=Rasslan&forum=DE", json.GetProperty("query").GetString());
    }

    [Theory]
    [InlineData("/api/cases?size=100000", "size")]
    [InlineData("/api/cases?forum=Germany", "forum")]
    [InlineData("/api/cases?from=20x9", "from")]
    [InlineData("/api/cases?page=200&size=100", "page")]
    public async Task Invalid_parameters_are_a_400_problem_naming_the_parameter(string url, string parameter)
    {
        var response = await factory.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(json.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task A_case_is_returned_in_the_interchange_format()
    {
        var response = await factory.CreateClient().GetAsync("/api/cases/raslan-koblenz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var decoded = CaseDecoder.Decode(document.RootElement);
        Assert.Empty(decoded.Problems);
        Assert.Equal("Anwar Raslan", decoded.Record!.Accused.Name);
    }

    [Fact]
    public async Task An_unknown_case_is_a_404_problem()
    {
        var response = await factory.CreateClient().GetAsync("/api/cases/no-such-case");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api()
    {
        var json = await GetJsonAsync("/openapi/v1.json");

        Assert.True(json.GetProperty("paths").TryGetProperty("/api/cases", out _));
        Assert.True(json.GetProperty("paths").TryGetProperty("/api/cases/{id}", out _));
    }
}
