using UjDatabase.Core.Search;

namespace UjDatabase.Web.Setup;

/// <summary>How often the sync worker looks at the outbox when it is empty.</summary>
public sealed record SyncSettings(TimeSpan Interval);

/// <summary>
/// Drains the outbox into the search index in batches, in the background. A failed batch is retried after a pause
/// that grows up to a minute; nothing is lost meanwhile, because the outbox rows stay pending until a batch succeeds.
/// </summary>
public sealed class IndexSyncWorker(ISearchIndexer indexer, SyncSettings settings, ILogger<IndexSyncWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var applied = await indexer.SyncAsync(cancellationToken: stoppingToken);
                failures = 0;
                if (applied > 0)
                {
                    continue;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failures++;
                logger.LogWarning(ex, "Index sync failed ({Failures} in a row); retrying.", failures);
            }

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
}
