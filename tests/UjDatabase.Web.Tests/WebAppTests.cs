using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using UjDatabase.Tests;

namespace UjDatabase.Web.Tests;

/// <summary>Hosts the app on a data directory that does not exist yet, with the repository's seed data.</summary>
public class FreshAppFactory : WebApplicationFactory<Program>
{
    private readonly TempDirectory directory = new();

    public string DataDirectory => directory.File("data");

    /// <summary>Settings a subclass adds, as environment variables would.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("UJDB_DATA_DIR", DataDirectory);
        builder.UseSetting("UJDB_SEED_DIR", TestFiles.SeedDirectory);
        TestLimits.Lift(builder);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        directory.Dispose();
    }
}

/// <summary>The app with a public address of its own and a low export limit, as a deployment would configure it.</summary>
public sealed class DeployedAppFactory : FreshAppFactory
{
    public const string PublicUrl = "https://ujdb.example.org";

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["UJDB_PUBLIC_URL"] = PublicUrl,
        ["UJDB_ALLOWED_HOSTS"] = "ujdb.example.org;localhost",
        ["UJDB_RATE_EXPORT"] = "2",
    };
}

/// <summary>Tests send hundreds of requests a minute from one address: the rate limits are lifted unless a test sets its own.</summary>
public static class TestLimits
{
    public static void Lift(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var key in new[] { "UJDB_RATE_SEARCH", "UJDB_RATE_EXPORT", "UJDB_RATE_STATS", "UJDB_RATE_SIGN_IN" })
        {
            builder.UseSetting(key, "1000000");
        }
    }
}
