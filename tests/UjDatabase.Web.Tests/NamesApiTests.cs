using System.Net;
using System.Text.Json;
using UjDatabase.Web.Setup;

namespace UjDatabase.Web.Tests;

/// <summary><c>/api/names</c>: the typeahead's answers, and what it does with input it cannot use.</summary>
public sealed class NamesApiTests(FreshAppFactory factory) : IClassFixture<FreshAppFactory>
{
    private async Task<(HttpStatusCode Status, JsonElement Json)> GetAsync(string url)
    {
        var response = await factory.CreateClient().GetAsync(url);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }

    [Fact]
    public async Task A_prefix_gets_the_names_that_start_so_each_with_its_records_their_pages_and_a_search()
    {
        var (status, json) = await GetAsync("/api/names?prefix=Ras");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Ras", json.GetProperty("prefix").GetString());
        var raslan = json.GetProperty("suggestions").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "Anwar Raslan");
        var record = raslan.GetProperty("records").EnumerateArray().Single();
        Assert.Equal("raslan-koblenz", record.GetProperty("id").GetString());
        Assert.Equal("Anwar Raslan (Koblenz)", record.GetProperty("title").GetString());
        Assert.Equal("/cases/raslan-koblenz", record.GetProperty("url").GetString());
        Assert.Equal("/search?q=%22Anwar%20Raslan%22", raslan.GetProperty("search").GetString());
    }

    [Fact]
    public async Task The_search_of_a_suggested_name_finds_every_record_it_names()
    {
        var (_, json) = await GetAsync("/api/names?prefix=habr%C3%A9");
        var habre = json.GetProperty("suggestions").EnumerateArray().First(s => s.GetProperty("name").GetString() == "Hissène Habré");
        var named = habre.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToHashSet();

        var (_, found) = await GetAsync("/api/cases" + habre.GetProperty("search").GetString()![7..] + "&size=100");

        Assert.True(named.Count > 1);
        Assert.Subset(found.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToHashSet(), named);
    }

    [Theory]
    [InlineData("/api/names?prefix=al&size=3", 3)]
    [InlineData("/api/names?prefix=al", 8)]
    [InlineData("/api/names?prefix=al&size=10", 10)]
    public async Task The_size_bounds_the_suggestions(string url, int count)
    {
        var (_, json) = await GetAsync(url);

        Assert.Equal(count, json.GetProperty("suggestions").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/names")]
    [InlineData("/api/names?prefix=")]
    [InlineData("/api/names?prefix=%20%20")]
    [InlineData("/api/names?prefix=a")]
    [InlineData("/api/names?prefix=%22%27%3B--")]
    [InlineData("/api/names?prefix=%27%20OR%201%3D1%20--")]
    [InlineData("/api/names?prefix=%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("/api/names?prefix=%FF%FE")]
    [InlineData("/api/names?prefix=%C0%AF")]
    [InlineData("/api/names?prefix=*%3A*")]
    [InlineData("/api/names?prefix=qwertyzzz")]
    public async Task Input_that_names_no_one_gets_an_empty_list_not_an_error(string url)
    {
        var (status, json) = await GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, json.GetProperty("suggestions").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/names?prefix=ras&prefix=al", "prefix")]
    [InlineData("/api/names?prefix=ras%00lan", "prefix")]
    [InlineData("/api/names?prefix=ras%0D%0Alan", "prefix")]
    [InlineData("/api/names?size=0&prefix=ras", "size")]
    [InlineData("/api/names?size=11&prefix=ras", "size")]
    [InlineData("/api/names?size=abc&prefix=ras", "size")]
    [InlineData("/api/names?size=99999999999999999999&prefix=ras", "size")]
    [InlineData("/api/names?size=3&size=4&prefix=ras", "size")]
    [InlineData("/api/names?prefix=ras&q=raslan", "q")]
    public async Task Bad_parameters_are_a_400_problem_naming_the_parameter(string url, string parameter)
    {
        var (status, json) = await GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(json.GetProperty("errors").TryGetProperty(parameter, out _), json.ToString());
    }

    [Fact]
    public async Task A_huge_prefix_is_a_400_problem()
    {
        var (status, json) = await GetAsync("/api/names?prefix=" + new string('a', 5000));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("longer than 100", json.GetProperty("errors").GetProperty("prefix")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_typeahead_is_rate_limited_with_the_searches()
    {
        var settings = new RateLimitSettings(300, 20, 60, 10);

        Assert.Equal(("search", 300), RateLimits.Classify("/api/names", settings));
    }

    [Fact]
    public async Task The_search_page_marks_its_box_for_the_typeahead_and_loads_no_list_of_names()
    {
        var html = await factory.CreateClient().GetStringAsync("/search");

        Assert.Contains("data-typeahead=\"/api/names\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Anwar Raslan", html.Split("<ol class=\"hits\"")[0], StringComparison.Ordinal);
    }
}
