using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;
using UjDatabase.Core.Search;

namespace UjDatabase.Server.Resilience;

/// <summary>Settings of the pipelines around the search index.</summary>
public sealed record IndexResilienceOptions
{
    /// <summary>How long one attempt may take before it is abandoned.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries of an idempotent call (reads, versioned bulk writes) after the first attempt.</summary>
    public int Retries { get; init; } = 2;

    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>The circuit opens when at least this share of calls failed in the sampling window...</summary>
    public double FailureRatio { get; init; } = 0.5;

    /// <summary>...with at least this many calls in it.</summary>
    public int MinimumThroughput { get; init; } = 6;

    public TimeSpan SamplingDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the circuit stays open before a trial call.</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// The Polly pipelines around Elasticsearch, built by hand and registered as singletons (the package source lacks
/// Microsoft.Extensions.Http.Resilience). Retries with jittered backoff wrap only idempotent operations; the circuit
/// breaker is shared, so when the index is down every caller fails fast instead of piling up.
/// </summary>
public static class IndexPipelines
{
    private static PredicateBuilder Transient() => (PredicateBuilder)new PredicateBuilder()
        .Handle<SearchUnavailableException>(e => e.Status is null or 429 or >= 500)
        .Handle<TimeoutRejectedException>()
        .Handle<HttpRequestException>();

    /// <summary>For reads and versioned bulk upserts: retry, then circuit breaker, then a timeout per attempt.</summary>
    public static ResiliencePipeline Idempotent(IndexResilienceOptions options, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ResiliencePipelineBuilder { TimeProvider = clock ?? TimeProvider.System }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = Transient(),
                MaxRetryAttempts = Math.Max(1, options.Retries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = Transient(),
                FailureRatio = options.FailureRatio,
                MinimumThroughput = options.MinimumThroughput,
                SamplingDuration = options.SamplingDuration,
                BreakDuration = options.BreakDuration,
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    /// <summary>Runs a call through the pipeline and reports an open circuit or a timeout as the index being unavailable.</summary>
    public static async Task<T> RunAsync<T>(this ResiliencePipeline pipeline, Func<CancellationToken, Task<T>> call, IndexResilienceOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            return await pipeline.ExecuteAsync(async token => await call(token), cancellationToken);
        }
        catch (BrokenCircuitException ex)
        {
            throw new SearchUnavailableException("The search index is not answering; searches are paused for a moment.", ex)
            {
                RetryAfter = ex.RetryAfter ?? options.BreakDuration,
            };
        }
        catch (TimeoutRejectedException ex)
        {
            throw new SearchUnavailableException("The search index took too long to answer.", ex) { RetryAfter = TimeSpan.FromSeconds(5) };
        }
    }
}
