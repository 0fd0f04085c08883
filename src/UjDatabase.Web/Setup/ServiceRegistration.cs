using UjDatabase.Core.Search;
using UjDatabase.Core.Storage;
using UjDatabase.Embedded;
using UjDatabase.Server;
using UjDatabase.Server.Resilience;

namespace UjDatabase.Web.Setup;

/// <summary>Registers the store, the search engine, the index sync and the start-up tasks from configuration.</summary>
public static class ServiceRegistration
{
    public const string SeedDirectoryKey = "UJDB_SEED_DIR";
    public const string SyncIntervalKey = "UJDB_SYNC_INTERVAL_MS";

    public static IServiceCollection AddUjDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        // Settings are read when first needed, not here, so that every configuration source (including a test
        // host's) has been applied by then.
        services.AddSingleton(_ => StorageSettings.Resolve(key => configuration[key]));
        // The one place in the web app that chooses the profile's parts.
        services.AddSingleton(sp => sp.GetRequiredService<StorageSettings>() is { Profile: StorageProfile.Server }
            ? ServerProfile.Create(ServerSettings.Resolve(key => configuration[key]), sp)
            : EmbeddedProfile.Create(sp.GetRequiredService<StorageSettings>(), sp.GetRequiredService<TimeProvider>()).Parts);
        services.AddIndexResilience(key => configuration[key]);
        services.AddSingleton(sp => sp.GetRequiredService<StorageParts>().Store);
        services.AddSingleton<ISearchEngine>(sp => new MeasuredSearchEngine(
            sp.GetRequiredService<StorageParts>().Engine,
            sp.GetRequiredService<StorageSettings>().Profile == StorageProfile.Server ? "elasticsearch" : "lucene",
            sp.GetRequiredService<UjdbMetrics>()));
        services.AddSingleton(sp => sp.GetRequiredService<StorageParts>().Indexer);
        services.AddSingleton(sp => sp.GetRequiredService<StorageParts>().Source);
        services.AddSingleton(sp => sp.GetRequiredService<StorageParts>().Editor);
        services.AddSingleton(sp => sp.GetRequiredService<StorageParts>().Drafts);
        services.AddSingleton(sp => sp.GetRequiredService<StorageParts>().Accounts);
        services.AddSingleton(sp => new Core.Editing.RestoreRevision(sp.GetRequiredService<StorageParts>().Source, sp.GetRequiredService<StorageParts>().Editor, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new Core.Editing.AddDevelopment(sp.GetRequiredService<StorageParts>().Source, sp.GetRequiredService<StorageParts>().Editor, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new Core.Editing.EditRecord(sp.GetRequiredService<StorageParts>().Source, sp.GetRequiredService<StorageParts>().Editor, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(_ => new SeedSettings(configuration[SeedDirectoryKey] ?? Path.Combine(AppContext.BaseDirectory, "seed-data")));
        services.AddSingleton(_ => new SyncSettings(TimeSpan.FromMilliseconds(int.TryParse(configuration[SyncIntervalKey], out var ms) && ms > 0 ? ms : 250)));
        services.AddHostedService<StoreStartup>();
        services.AddHostedService<IndexSyncWorker>();
        services.AddHostedService<SearchWarmUp>();
        return services;
    }
}
