using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using UjDatabase.Core.Interchange;
using UjDatabase.Tests;

namespace UjDatabase.Web.Tests;

/// <summary>Hosts the app on a data directory that does not exist yet, with the repository's seed data.</summary>
public sealed class FreshAppFactory : WebApplicationFactory<Program>
{
    private readonly TempDirectory directory = new();

    public string DataDirectory => directory.File("data");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("UJDB_DATA_DIR", DataDirectory);
        builder.UseSetting("UJDB_SEED_DIR", TestFiles.SeedDirectory);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        directory.Dispose();
    }
}

public sealed partial class WebAppTests(FreshAppFactory factory) : IClassFixture<FreshAppFactory>
{
    private static int SeedCount() => TestFiles.SeedFiles.Sum(f => CaseFileReader.ReadFile(f).Count());

    [GeneratedRegex("data-case-id=\"([a-z0-9-]+)\"")]
    private static partial Regex CaseRow();

    [Fact]
    public async Task Starts_on_a_fresh_data_directory_imports_the_seed_and_lists_the_cases()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var ids = new List<string>();
        for (var page = 1; page <= 10; page++)
        {
            var response = await client.GetAsync($"/?page={page}");
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                break;
            }

            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, html);
            if (page == 1)
            {
                Assert.Contains($"{SeedCount()} published records", html, StringComparison.Ordinal);
            }

            ids.AddRange(CaseRow().Matches(html).Select(m => m.Groups[1].Value));
        }

        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "ujdb.sqlite")));
        Assert.Equal(SeedCount(), ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Contains("raslan-koblenz", ids);
    }

    [Fact]
    public async Task A_page_past_the_end_redirects_to_the_last_page()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/?page=999");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Matches("page=\\d$", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Accented_names_are_shown_as_written_and_markup_in_data_is_encoded()
    {
        var client = factory.CreateClient();
        var pages = string.Concat(await Task.WhenAll(Enumerable.Range(1, 3).Select(p => client.GetStringAsync($"/?page={p}"))));

        Assert.Contains("Habré", pages, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", pages, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Health_answers_ok()
    {
        var response = await factory.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
