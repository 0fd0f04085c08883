using UjDatabase.Core.Storage;
using UjDatabase.Embedded;

namespace UjDatabase.Web.Setup;

/// <summary>Registers the store and the start-up seeding from configuration.</summary>
public static class ServiceRegistration
{
    public const string SeedDirectoryKey = "UJDB_SEED_DIR";

    public static IServiceCollection AddUjDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = StorageSettings.Resolve(key => configuration[key]);
        services.AddSingleton(settings);
        services.AddSingleton<ICaseStore>(EmbeddedProfile.CreateStore(settings));
        services.AddSingleton(new SeedSettings(configuration[SeedDirectoryKey] ?? Path.Combine(AppContext.BaseDirectory, "seed-data")));
        services.AddHostedService<SeedOnStartup>();
        return services;
    }
}
