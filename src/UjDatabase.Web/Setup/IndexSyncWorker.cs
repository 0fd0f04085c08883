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
    private static readonly TimeSpan LagEvery = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        var sinceLag = Stopwatch.StartNew();
        await ObserveLagAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var applied = await indexer.SyncAsync(cancellationToken: stoppingToken);
                failures = 0;
                status.Succeeded();
                if (applied > 0)
                {
                    metrics.Indexed(applied);
                    if (sinceLag.Elapsed >= LagEvery)
                    {
                        // A long catch-up still reports its progress.
                        await ObserveLagAsync(stoppingToken);
                        sinceLag.Restart();
                    }

                    continue;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failures++;
                status.Failed(ex);
                metrics.SyncFailed();
                logger.LogWarning(ex, "Index sync failed ({Failures} in a row); retrying.", failures);
            }

            await ObserveLagAsync(stoppingToken);
            sinceLag.Restart();
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
            if (lag.DeadLetters > status.Snapshot().DeadLetters)
            {
                logger.LogError("{Count} change(s) the index refused are set aside (dead letters); 'ujdb verify' lists them, 'ujdb sync --retry-dead' retries them.", lag.DeadLetters);
            }

            status.Observed(lag);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The store is unreachable: the sync's own failure says so; the gauge keeps its last value.
            logger.LogDebug(ex, "Could not read the outbox's lag.");
        }
    }
}
