using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Search;
using UjDatabase.Tests;

namespace UjDatabase.Web.Tests;

/// <summary>The app with a search index that is down: its engine always throws <see cref="SearchUnavailableException"/>.</summary>
public sealed class IndexDownFactory : FreshAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<ISearchEngine, DownEngine>());
    }

    private sealed class DownEngine : ISearchEngine
    {
        private static SearchUnavailableException Down() => new("The search index is not answering.") { RetryAfter = TimeSpan.FromSeconds(17) };

        public Task<SearchResult> SearchAsync(CaseQuery query, CancellationToken cancellationToken = default) => throw Down();

        public Task<long> CountAsync(CaseQuery query, CancellationToken cancellationToken = default) => throw Down();

        public IAsyncEnumerable<CaseRecord> StreamAsync(CaseQuery query, CancellationToken cancellationToken = default) => throw Down();

        public IAsyncEnumerable<UjDatabase.Core.Statistics.IRecordFacts> FactsAsync(CaseQuery query, IReadOnlyCollection<MeasureInYear>? anyOf = null, CancellationToken cancellationToken = default) => throw Down();

        public Task<IReadOnlyList<NameSuggestion>> SuggestNamesAsync(NamePrefix prefix, int size, CancellationToken cancellationToken = default) => throw Down();
    }
}

public sealed class SearchUnavailableTests(IndexDownFactory factory) : IClassFixture<IndexDownFactory>
{
    [Theory]
    [InlineData("/search?q=raslan")]
    [InlineData("/api/cases?q=raslan")]
    [InlineData("/stats")]
    [InlineData("/map?view=territory")]
    [InlineData("/feeds/cases.atom")]
    [InlineData("/api/names?prefix=ras")]
    public async Task Search_answers_503_with_retry_after_and_a_clear_message(string url)
    {
        var response = await factory.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(17), response.Headers.RetryAfter!.Delta);
        Assert.Contains("Search is unavailable", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/cases/raslan-koblenz")]
    [InlineData("/api/cases/raslan-koblenz")]
    public async Task Case_pages_still_work_from_the_store(string url)
    {
        var response = await factory.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
