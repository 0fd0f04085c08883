using System.Diagnostics;
using System.Diagnostics.Metrics;
using UjDatabase.Core.Search;
using UjDatabase.Core.Statistics;

namespace UjDatabase.Web.Setup;

/// <summary>
/// The app's own metrics (meter <c>UjDatabase</c>), served with ASP.NET Core's request metrics at <c>/metrics</c> in
/// Prometheus's format: search latency by engine, the outbox's lag, dead letters, changes indexed and sync errors.
/// </summary>
public sealed class UjdbMetrics : IDisposable
{
    public const string MeterName = "UjDatabase";

    private readonly Meter meter;
    private readonly Histogram<double> searchDuration;
    private readonly Counter<long> indexed;
    private readonly Counter<long> syncErrors;

    public UjdbMetrics(IMeterFactory meters, SyncStatus status, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(meters);
        meter = meters.Create(MeterName);
        // Buckets in seconds from a millisecond to ten seconds (the exporter's default buckets are for milliseconds).
        searchDuration = meter.CreateHistogram(
            "ujdb.search.duration",
            "s",
            "Time the search engine took to answer a search or a count.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        indexed = meter.CreateCounter<long>("ujdb.sync.indexed", "{change}", "Changes from the outbox applied to the search index.");
        syncErrors = meter.CreateCounter<long>("ujdb.sync.errors", "{error}", "Passes of the index sync that failed (they are retried; nothing is lost).");
        meter.CreateObservableGauge("ujdb.outbox.pending", () => status.Lag.Pending, "{change}", "Changes in the store not yet applied to the search index.");
        meter.CreateObservableGauge("ujdb.dead_letters", () => status.Lag.DeadLetters, "{change}", "Changes the search index refused, set aside until 'ujdb sync --retry-dead'.");
        meter.CreateObservableGauge(
            "ujdb.outbox.oldest_pending_age",
            () => status.Lag.OldestPending is { } oldest ? Math.Max(0, (clock.GetUtcNow() - oldest).TotalSeconds) : 0,
            "s",
            "How long the oldest change not yet indexed has been waiting.");
    }

    public void Searched(string engine, TimeSpan took) => searchDuration.Record(took.TotalSeconds, new KeyValuePair<string, object?>("engine", engine));

    public void Indexed(int changes) => indexed.Add(changes);

    public void SyncFailed() => syncErrors.Add(1);

    public void Dispose() => meter.Dispose();
}

/// <summary>The configured search engine, timed: every answer records its latency under the engine's name.</summary>
public sealed class MeasuredSearchEngine(ISearchEngine engine, string name, UjdbMetrics metrics) : ISearchEngine
{
    public Task<SearchResult> SearchAsync(CaseQuery query, CancellationToken cancellationToken = default) =>
        TimedAsync(() => engine.SearchAsync(query, cancellationToken));

    public Task<long> CountAsync(CaseQuery query, CancellationToken cancellationToken = default) =>
        TimedAsync(() => engine.CountAsync(query, cancellationToken));

    public IAsyncEnumerable<UjDatabase.Core.Cases.CaseRecord> StreamAsync(CaseQuery query, CancellationToken cancellationToken = default) => engine.StreamAsync(query, cancellationToken);

    public IAsyncEnumerable<IRecordFacts> FactsAsync(CaseQuery query, IReadOnlyCollection<MeasureInYear>? anyOf = null, CancellationToken cancellationToken = default) => engine.FactsAsync(query, anyOf, cancellationToken);

    public Task<IReadOnlyList<NameSuggestion>> SuggestNamesAsync(NamePrefix prefix, int size, CancellationToken cancellationToken = default) =>
        TimedAsync(() => engine.SuggestNamesAsync(prefix, size, cancellationToken));

    private async Task<T> TimedAsync<T>(Func<Task<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await call();
        }
        finally
        {
            metrics.Searched(name, Stopwatch.GetElapsedTime(started));
        }
    }
}
