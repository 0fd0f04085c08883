using System.Text.Json;
using UjDatabase.Core.Search;

namespace UjDatabase.Web.Tests;

/// <summary>The OpenAPI document declares what the API takes and answers, so a client can be generated from it.</summary>
public sealed class OpenApiTests(FreshAppFactory factory) : IClassFixture<FreshAppFactory>
{
    private async Task<JsonElement> DocumentAsync() =>
        JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;

    private static JsonElement Parameter(JsonElement operation, string name) =>
        operation.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == name);

    [Fact]
    public async Task The_search_declares_every_parameter_with_its_type_and_allowed_values()
    {
        var search = (await DocumentAsync()).GetProperty("paths").GetProperty("/api/cases").GetProperty("get");

        var names = search.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(QueryParameters.Search.Select(p => p.Name), names);
        var forum = Parameter(search, "forum");
        Assert.Equal("query", forum.GetProperty("in").GetString());
        Assert.Equal("array", forum.GetProperty("schema").GetProperty("type").GetString());
        var countries = forum.GetProperty("schema").GetProperty("items").GetProperty("enum").EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.Contains("DE", countries);
        Assert.Contains("_missing", countries);
        var size = Parameter(search, "size").GetProperty("schema");
        Assert.Equal("integer", size.GetProperty("type").GetString());
        Assert.Equal(100, size.GetProperty("maximum").GetInt32());
        Assert.Equal(["relevance", "date", "name", "updated"], Parameter(search, "sort").GetProperty("schema").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task Json_answers_declare_their_schema_and_bad_parameters_their_problem()
    {
        var document = await DocumentAsync();
        var paths = document.GetProperty("paths");
        var schemas = document.GetProperty("components").GetProperty("schemas");

        string Reference(string path) => paths.GetProperty(path).GetProperty("get").GetProperty("responses").GetProperty("200")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()!.Split('/')[^1];

        var searchResponse = schemas.GetProperty(Reference("/api/cases")).GetProperty("properties");
        Assert.True(searchResponse.TryGetProperty("total", out _));
        Assert.True(searchResponse.TryGetProperty("items", out _));
        Assert.True(searchResponse.TryGetProperty("facets", out _));
        var table = schemas.GetProperty(Reference("/api/stats")).GetProperty("properties");
        Assert.True(table.TryGetProperty("rule", out _));
        Assert.True(table.TryGetProperty("records_selected", out _));
        var record = schemas.GetProperty(Reference("/api/cases/{id}")).GetProperty("properties");
        Assert.True(record.TryGetProperty("jurisdiction_basis", out _));

        foreach (var path in new[] { "/api/cases", "/api/cases/export", "/api/stats", "/api/stats/chart.svg", "/api/stats/review", "/feeds/cases.atom" })
        {
            var operation = paths.GetProperty(path).GetProperty("get");
            Assert.True(operation.GetProperty("responses").TryGetProperty("400", out _), $"{path} declares no 400");
            Assert.NotEmpty(operation.GetProperty("parameters").EnumerateArray());
        }

        Assert.Equal(404, paths.GetProperty("/api/cases/{id}").GetProperty("get").GetProperty("responses").EnumerateObject().Select(r => int.Parse(r.Name, System.Globalization.CultureInfo.InvariantCulture)).Max());
    }
}
