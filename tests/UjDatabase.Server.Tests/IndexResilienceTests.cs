using Microsoft.Extensions.DependencyInjection;
using UjDatabase.Core.Search;
using UjDatabase.Server.Resilience;

namespace UjDatabase.Server.Tests;

/// <summary>The index's resilience settings from the environment, and the pipeline registered with DI from them.</summary>
public sealed class IndexResilienceTests
{
    private static Func<string, string?> Settings(params (string Name, string Value)[] values) =>
        name => values.Where(v => v.Name == name).Select(v => v.Value).FirstOrDefault();

    [Fact]
    public void Unset_settings_keep_the_documented_defaults_and_set_ones_are_read()
    {
        var defaults = IndexResilienceOptions.Resolve(Settings());
        var set = IndexResilienceOptions.Resolve(Settings((IndexResilienceOptions.RetriesVariable, "4"), (IndexResilienceOptions.AttemptTimeoutVariable, "2500"), (IndexResilienceOptions.FailureRatioVariable, "0.25")));

        Assert.Equal(new IndexResilienceOptions(), defaults);
        Assert.Equal(4, set.Retries);
        Assert.Equal(TimeSpan.FromMilliseconds(2500), set.AttemptTimeout);
        Assert.Equal(0.25, set.FailureRatio);
    }

    [Theory]
    [InlineData(IndexResilienceOptions.RetriesVariable, "abc")]
    [InlineData(IndexResilienceOptions.RetriesVariable, "0")]
    [InlineData(IndexResilienceOptions.AttemptTimeoutVariable, "0")]
    [InlineData(IndexResilienceOptions.FailureRatioVariable, "1.5")]
    [InlineData(IndexResilienceOptions.MinimumThroughputVariable, "1")]
    [InlineData(IndexResilienceOptions.BreakVariable, "-5")]
    [InlineData(IndexResilienceOptions.SamplingVariable, "1e309")]
    public void A_value_polly_would_refuse_stops_the_start_naming_the_setting(string name, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => IndexResilienceOptions.Resolve(Settings((name, value))));

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_registered_pipeline_is_one_shared_breaker_built_from_the_settings()
    {
        using var services = new ServiceCollection()
            .AddIndexResilience(Settings((IndexResilienceOptions.MinimumThroughputVariable, "2"), (IndexResilienceOptions.RetriesVariable, "1"), (IndexResilienceOptions.RetryDelayVariable, "1"), (IndexResilienceOptions.BreakVariable, "60000")))
            .BuildServiceProvider();
        var pipeline = IndexPipelines.FromServices(services);
        var options = services.GetRequiredService<IndexResilienceOptions>();
        var calls = 0;

        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<SearchUnavailableException>(() => pipeline.RunAsync<int>(_ => { calls++; throw new SearchUnavailableException("down") { Status = 503 }; }, options, CancellationToken.None));
        }

        // Open now, for every caller of the shared pipeline: no call reaches the index, and the answer says when to retry.
        var before = calls;
        var open = await Assert.ThrowsAsync<SearchUnavailableException>(() => IndexPipelines.FromServices(services).RunAsync<int>(_ => { calls++; return Task.FromResult(1); }, options, CancellationToken.None));
        Assert.Equal(before, calls);
        Assert.True(open.RetryAfter > TimeSpan.FromSeconds(30));
        Assert.Same(pipeline, IndexPipelines.FromServices(services));
    }
}
