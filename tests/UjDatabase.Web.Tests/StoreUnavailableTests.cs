using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Storage;
using UjDatabase.Tests;

namespace UjDatabase.Web.Tests;

/// <summary>The app with a store that went away after start: everything it is asked throws <see cref="StoreUnavailableException"/>.</summary>
public sealed class StoreDownFactory : FreshAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<ICaseStore>(sp => new DownStore(sp.GetRequiredService<StorageParts>().Store)));
    }

    private sealed class DownStore(ICaseStore store) : ICaseStore
    {
        private static StoreUnavailableException Down() => new("SQL Server at 'db' could not be reached (set by UJDB_SQLSERVER).");

        // Up at start (so the app starts and imports the seed), down afterwards for every read.
        public Task MigrateAsync(CancellationToken cancellationToken = default) => store.MigrateAsync(cancellationToken);

        public Task<long> CountAsync(CancellationToken cancellationToken = default) => store.CountAsync(cancellationToken);

        public Task<int> UpsertAsync(IEnumerable<CaseRecord> records, RevisionStamp? revision = null, CancellationToken cancellationToken = default) => store.UpsertAsync(records, revision, cancellationToken);

        public Task<CaseRecord?> GetAsync(string id, CancellationToken cancellationToken = default) => throw Down();

        public Task<IReadOnlyList<CaseRecord>> GetManyAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken = default) => throw Down();

        public Task<IReadOnlyList<CaseRecord>> GetGroupAsync(string caseGroup, CancellationToken cancellationToken = default) => throw Down();

        public IAsyncEnumerable<CaseRecord> StreamAllAsync(CancellationToken cancellationToken = default) => throw Down();

        public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default) => throw Down();

        public Task<IReadOnlySet<string>> FindExistingIdsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) => store.FindExistingIdsAsync(ids, cancellationToken);
    }
}

public sealed class StoreUnavailableTests(StoreDownFactory factory) : IClassFixture<StoreDownFactory>
{
    [Theory]
    [InlineData("/cases/raslan-koblenz", "text/html")]
    [InlineData("/api/cases/raslan-koblenz", "application/problem+json")]
    public async Task A_store_that_went_away_answers_503_with_retry_after_and_no_server_details(string url, string mediaType)
    {
        var response = await factory.CreateClient().GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter!.Delta);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("The database cannot be reached", body, StringComparison.Ordinal);
        Assert.DoesNotContain("UJDB_SQLSERVER", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_app_on_the_server_profile_with_an_unreachable_sql_server_exits_1_naming_the_setting()
    {
        using var directory = new TempDirectory();
        // The real process, as an operator starts it: the in-memory test host would hide how the process ends.
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "UjDatabase.Web.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory.Path,
        };
        start.Environment["UJDB_PROFILE"] = "Server";
        start.Environment["UJDB_SQLSERVER"] = ClosedSqlServer.ConnectionString();
        start.Environment["UJDB_DATA_DIR"] = directory.File("data");
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, process.ExitCode);
        var message = await error;
        Assert.Contains("could not start", message, StringComparison.Ordinal);
        Assert.Contains("UJDB_SQLSERVER", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", message + await output, StringComparison.Ordinal);
    }
}
