using UjDatabase.Core.Import;
using UjDatabase.Core.Search;
using UjDatabase.Core.Storage;

namespace UjDatabase.Web.Setup;

/// <summary>Where the seed data files are.</summary>
public sealed record SeedSettings(string Directory);

/// <summary>
/// Before the server accepts requests: creates the data directory, migrates the store, imports the seed data when the
/// store is empty, and brings the search index up to date. Invalid seed data stops the start, with every problem in
/// the log.
/// </summary>
public sealed class StoreStartup(ICaseStore store, ISearchIndexer indexer, SeedSettings seed, ILogger<StoreStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.MigrateAsync(cancellationToken);
        if (await store.CountAsync(cancellationToken) == 0)
        {
            await ImportSeedAsync(cancellationToken);
        }

        try
        {
            await indexer.EnsureReadyAsync(new Progress<long>(LogProgress), cancellationToken);
        }
        catch (SearchUnavailableException ex)
        {
            // The app starts anyway: case pages work from the store, search answers 503, and the sync worker
            // catches up once the index answers.
            logger.LogWarning(ex, "The search index is not available at start; search is paused until it answers.");
            return;
        }

        var indexed = 0;
        for (int batch; (batch = await indexer.SyncAsync(cancellationToken: cancellationToken)) > 0;)
        {
            indexed += batch;
        }

        if (indexed > 0)
        {
            logger.LogInformation("Indexed {Count} pending changes.", indexed);
        }
    }

    private DateTimeOffset lastProgress;

    /// <summary>A rebuild of a million records reports often; the log hears of it every few seconds.</summary>
    private void LogProgress(long records)
    {
        var now = DateTimeOffset.UtcNow;
        if (now - lastProgress >= TimeSpan.FromSeconds(3))
        {
            lastProgress = now;
            logger.LogInformation("Building the search index from the store: {Count} records so far.", records);
        }
    }

    private async Task ImportSeedAsync(CancellationToken cancellationToken)
    {
        var files = System.IO.Directory.Exists(seed.Directory)
            ? System.IO.Directory.GetFiles(seed.Directory, "*.json").Order(StringComparer.Ordinal).ToList()
            : [];
        if (files.Count == 0)
        {
            logger.LogWarning("The store is empty and no seed data was found in {Directory}.", seed.Directory);
            return;
        }

        var result = await new CaseImporter(store).ImportAsync(files, cancellationToken: cancellationToken);
        if (!result.Accepted)
        {
            foreach (var (file, problem) in result.Problems)
            {
                logger.LogError("{File}: {Problem}", file, problem.ToString());
            }

            throw new InvalidOperationException($"The seed data in {seed.Directory} is invalid; see the log. Nothing was imported.");
        }

        logger.LogInformation("Imported {Count} seed records from {Directory}.", result.Written, seed.Directory);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
