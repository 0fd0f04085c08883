using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using UjDatabase.Tests;

namespace UjDatabase.Web.Tests;

/// <summary>Hosts the app on a data directory that does not exist yet, with the repository's seed data.</summary>
public sealed class FreshAppFactory : WebApplicationFactory<Program>
{
    private readonly TempDirectory directory = new();

    public string DataDirectory => directory.File("data");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("UJDB_DATA_DIR", DataDirectory);
        builder.UseSetting("UJDB_SEED_DIR", TestFiles.SeedDirectory);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        directory.Dispose();
    }
}
