using Microsoft.Extensions.DependencyInjection;
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

    public const string AttemptTimeoutVariable = "UJDB_ES_ATTEMPT_TIMEOUT_MS";
    public const string RetriesVariable = "UJDB_ES_RETRIES";
    public const string RetryDelayVariable = "UJDB_ES_RETRY_DELAY_MS";
    public const string FailureRatioVariable = "UJDB_ES_BREAK_FAILURE_RATIO";
    public const string MinimumThroughputVariable = "UJDB_ES_BREAK_MIN_CALLS";
    public const string SamplingVariable = "UJDB_ES_BREAK_SAMPLING_MS";
    public const string BreakVariable = "UJDB_ES_BREAK_MS";

    /// <summary>
    /// The settings from the environment, each checked against what Polly accepts, so that a wrong value stops the
    /// start with a message naming it instead of failing at the first search.
    /// </summary>
    public static IndexResilienceOptions Resolve(Func<string, string?> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        var defaults = new IndexResilienceOptions();
        return new IndexResilienceOptions
        {
            AttemptTimeout = Milliseconds(lookup, AttemptTimeoutVariable, defaults.AttemptTimeout, 10, 86_400_000),
            Retries = (int)Number(lookup, RetriesVariable, defaults.Retries, 1, 10),
            RetryDelay = Milliseconds(lookup, RetryDelayVariable, defaults.RetryDelay, 1, 60_000),
            FailureRatio = Number(lookup, FailureRatioVariable, defaults.FailureRatio, 0.01, 1),
            MinimumThroughput = (int)Number(lookup, MinimumThroughputVariable, defaults.MinimumThroughput, 2, 10_000),
            SamplingDuration = Milliseconds(lookup, SamplingVariable, defaults.SamplingDuration, 500, 86_400_000),
            BreakDuration = Milliseconds(lookup, BreakVariable, defaults.BreakDuration, 500, 86_400_000),
        };
    }

    private static TimeSpan Milliseconds(Func<string, string?> lookup, string name, TimeSpan fallback, double min, double max) =>
        TimeSpan.FromMilliseconds(Number(lookup, name, fallback.TotalMilliseconds, min, max));

    private static double Number(Func<string, string?> lookup, string name, double fallback, double min, double max)
    {
        var text = lookup(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (!double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new InvalidOperationException($"{name} must be a number from {min.ToString(System.Globalization.CultureInfo.InvariantCulture)} to {max.ToString(System.Globalization.CultureInfo.InvariantCulture)}; it is '{text}'.");
        }

        return value;
    }
}

/// <summary>
/// The Polly pipeline around Elasticsearch, registered with DI through Polly.Extensions (so its retries, breaks and
/// timeouts reach the logs and the metrics). Retries with jittered backoff wrap only idempotent operations; the
/// circuit breaker is shared, so when the index is down every caller fails fast instead of piling up.
/// </summary>
public static class IndexPipelines
{
    /// <summary>The key of the pipeline in <see cref="Polly.Registry.ResiliencePipelineProvider{TKey}"/>.</summary>
    public const string Key = "search-index";

    /// <summary>Registers the settings (read and checked when first needed, at start) and the pipeline.</summary>
    public static IServiceCollection AddIndexResilience(this IServiceCollection services, Func<string, string?> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        services.AddSingleton(_ => IndexResilienceOptions.Resolve(lookup));
        services.AddResiliencePipeline(Key, (builder, context) =>
        {
            builder.TimeProvider = context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;
            Configure(builder, context.ServiceProvider.GetRequiredService<IndexResilienceOptions>());
        });
        return services;
    }

    /// <summary>The pipeline registered under <see cref="Key"/>.</summary>
    public static ResiliencePipeline FromServices(IServiceProvider services) =>
        services.GetRequiredService<Polly.Registry.ResiliencePipelineProvider<string>>().GetPipeline(Key);

    private static PredicateBuilder Transient() => (PredicateBuilder)new PredicateBuilder()
        .Handle<SearchUnavailableException>(e => e.Status is null or 429 or >= 500)
        .Handle<TimeoutRejectedException>()
        .Handle<HttpRequestException>();

    /// <summary>For reads and versioned bulk upserts: retry, then circuit breaker, then a timeout per attempt.</summary>
    public static ResiliencePipeline Idempotent(IndexResilienceOptions options, TimeProvider? clock = null) =>
        Configure(new ResiliencePipelineBuilder { TimeProvider = clock ?? TimeProvider.System }, options).Build();

    private static ResiliencePipelineBuilder Configure(ResiliencePipelineBuilder builder, IndexResilienceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return builder
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
            .AddTimeout(options.AttemptTimeout);
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
