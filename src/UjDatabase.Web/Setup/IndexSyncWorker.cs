using System.Diagnostics;
using UjDatabase.Core.Search;
using UjDatabase.Core.Storage;

namespace UjDatabase.Web.Setup;

/// <summary>How often the sync worker looks at the outbox when it is empty.</summary>
public sealed record SyncSettings(TimeSpan Interval);

/// <summary>
/// Drains the outbox into the search index in batches, in the background. A failed batch is retried after a pause
/// that grows up to a minute; nothing is lost meanwhile, because the outbox rows stay pending until a batch succeeds.
/// It also keeps <see cref="SyncStatus"/> current (the outbox's lag, failures) for the health check and the metrics.
/// </summary>
public sealed class IndexSyncWorker(ISearchIndexer indexer, StorageParts parts, SyncSettings settings, SyncStatus status, UjdbMetrics metrics, ILogger<IndexSyncWorker> logger) : BackgroundService
{
    /// <summary>
    /// How often the lag is read while the sync drains a backlog (each read counts the pending rows) and while it is
    /// idle (an idle sync passes four times a second; the answer rarely changes). It is also read after a failed pass
    /// and when a backlog has just been drained.
    /// </summary>
    private static readonly TimeSpan LagWhileBusy = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan LagWhileIdle = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sinceLag = Stopwatch.StartNew();
        var wasBusy = false;
        await ObserveLagAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var applied = -1;
            try
            {
                applied = await indexer.SyncAsync(cancellationToken: stoppingToken);
                status.Succeeded();
                if (applied > 0)
                {
                    metrics.Indexed(applied);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                metrics.SyncFailed();
                logger.LogWarning(ex, "Index sync failed ({Failures} in a row); retrying.", status.Failed());
            }

            var busy = applied > 0;
            if (applied < 0 || (wasBusy && !busy) || sinceLag.Elapsed >= (busy ? LagWhileBusy : LagWhileIdle))
            {
                await ObserveLagAsync(stoppingToken);
                sinceLag.Restart();
            }

            wasBusy = busy;
            if (busy)
            {
                // More may be waiting: the next batch at once.
                continue;
            }

            var failures = status.FailuresInARow;
            var pause = failures == 0 ? settings.Interval : TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, failures)));
            try
            {
                await Task.Delay(pause, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ObserveLagAsync(CancellationToken stoppingToken)
    {
        try
        {
            var lag = await parts.Source.LagAsync(stoppingToken);
            if (lag.DeadLetters > status.Lag.DeadLetters)
            {
                logger.LogError("{Count} change(s) the index refused are set aside (dead letters); 'ujdb verify' lists them, 'ujdb sync --retry-dead' retries them.", lag.DeadLetters);
            }

            status.Observed(lag);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The store is unreachable: the sync's own failure says so; the gauges keep their last values.
            logger.LogDebug(ex, "Could not read the outbox's lag.");
        }
    }
}
