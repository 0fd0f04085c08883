using UjDatabase.Core.Storage;
using UjDatabase.Embedded;

namespace UjDatabase.Web.Setup;

/// <summary>Registers the store and the start-up seeding from configuration.</summary>
public static class ServiceRegistration
{
    public const string SeedDirectoryKey = "UJDB_SEED_DIR";

    public static IServiceCollection AddUjDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        // Settings are read when first needed, not here, so that every configuration source (including a test
        // host's) has been applied by then.
        services.AddSingleton(_ => StorageSettings.Resolve(key => configuration[key]));
        services.AddSingleton<ICaseStore>(sp => EmbeddedProfile.CreateStore(sp.GetRequiredService<StorageSettings>()));
        services.AddSingleton(_ => new SeedSettings(configuration[SeedDirectoryKey] ?? Path.Combine(AppContext.BaseDirectory, "seed-data")));
        services.AddHostedService<SeedOnStartup>();
        return services;
    }
}
