using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using UjDatabase.Tests;

namespace UjDatabase.Web.Tests;

/// <summary>
/// The app on a real Kestrel port with fresh data and the seed: for tests that must cross real sockets (streamed
/// downloads, the browser), where the in-memory test server would hide what Kestrel refuses.
/// </summary>
public sealed class KestrelApp : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory directory = new();
    private Factory? factory;

    /// <summary>Extra settings, applied before the app starts.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    public string BaseUrl { get; private set; } = string.Empty;

    public HttpClient Client { get; private set; } = null!;

    public string DataDirectory => directory.File("data");

    public Task InitializeAsync()
    {
        factory = new Factory(DataDirectory, Settings);
        factory.UseKestrel(0);
        factory.StartServer();
        BaseUrl = factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        Client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromMinutes(2) };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        directory.Dispose();
    }

    public void Dispose()
    {
        Client?.Dispose();
        factory?.Dispose();
        directory.Dispose();
    }

    private sealed class Factory(string dataDirectory, Dictionary<string, string> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("UJDB_DATA_DIR", dataDirectory);
            builder.UseSetting("UJDB_SEED_DIR", TestFiles.SeedDirectory);
            TestLimits.Lift(builder);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
