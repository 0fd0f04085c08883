using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using UjDatabase.Core.Accounts;
using UjDatabase.Core.Interchange;
using UjDatabase.Embedded;
using UjDatabase.Embedded.Accounts;
using UjDatabase.Tests;

namespace UjDatabase.Web.Tests;

/// <summary>
/// The web app as a real process, killed with SIGKILL while an editor saves edit after edit: afterwards every save is
/// in the store whole, with its revision, or not at all; the history's chain of before and after is unbroken; and the
/// index catches up with the last save once the app runs again.
/// </summary>
public sealed class EditCrashTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private const string Case = "raslan-koblenz";
    private const string Password = "a crash tester's long password";
    private const int Rounds = 8;

    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task Saves_killed_at_any_moment_are_each_kept_whole_with_their_revision_or_not_at_all()
    {
        var data = directory.File("data");
        var acknowledged = 0;
        var attempted = 0;
        string? lastWord = null;
        for (var round = 0; round < Rounds; round++)
        {
            using var app = await StartAsync(data);
            if (round == 0)
            {
                var accounts = new AccountAdministration(new SqliteAccountStore(new SqliteDatabase(Path.Combine(data, "ujdb.sqlite"))), TimeProvider.System);
                Assert.True((await accounts.AddAsync("crash-editor", AccountRole.Editor, Password)).Done);
            }

            using var client = await SignedInAsync(app.BaseUrl);
            using var stop = new CancellationTokenSource();
            var editing = Task.Run(async () =>
            {
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    var word = $"Crashedit{round}x{n}";
                    Interlocked.Increment(ref attempted);
                    try
                    {
                        var html = await client.GetStringAsync($"/admin/cases/{Case}/edit");
                        var fields = HtmlForm.Fields(html).With(("summary", $"Summary saved as {word} while the app may be killed."), ("__RequestVerificationToken", AntiForgery.Token(html)));
                        var response = await client.PostAsync($"/admin/cases/{Case}/edit", new FormUrlEncodedContent(fields));
                        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                        Interlocked.Increment(ref acknowledged);
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                    {
                        return;
                    }
                }
            });

            // Once saves are flowing (a loaded machine is slow to the first), different moments of the stream in each
            // round: between requests, in the form, in the write.
            var before = acknowledged;
            for (var wait = 0; wait < 300 && Volatile.Read(ref acknowledged) == before && !editing.IsCompleted; wait++)
            {
                await Task.Delay(100);
            }

            await Task.Delay(150 + (round * 97));
            app.Kill();
            stop.Cancel();
            await editing;

            var store = new SqliteCaseStore(new SqliteDatabase(Path.Combine(data, "ujdb.sqlite")));
            var history = await store.HistoryAsync(Case);
            output.WriteLine($"round {round}: {history.Count} revisions, {acknowledged} saves acknowledged of {attempted} attempted");
            Assert.InRange(history.Count, acknowledged, attempted);
            Assert.NotEmpty(history);
            Assert.Equal(CaseJson.Serialize((await store.GetAsync(Case))!), history[^1].RecordJson);
            for (var i = 1; i < history.Count; i++)
            {
                Assert.Equal(history[i - 1].RecordJson, history[i].PreviousJson);
            }

            lastWord = System.Text.RegularExpressions.Regex.Match((await store.GetAsync(Case))!.Summary!, "Crashedit\\d+x\\d+").Value;
        }

        Assert.True(acknowledged >= Rounds, $"only {acknowledged} saves were made before the kills");
        using var restarted = await StartAsync(data);
        using var reader = new HttpClient { BaseAddress = new Uri(restarted.BaseUrl) };
        var found = false;
        for (var attempt = 0; attempt < 100 && !found; attempt++)
        {
            found = (await reader.GetStringAsync($"/api/cases?q={lastWord}")).Contains($"\"id\":\"{Case}\"", StringComparison.Ordinal);
            if (!found)
            {
                await Task.Delay(200);
            }
        }

        Assert.True(found, $"the index did not catch up with the last save ({lastWord})");
    }

    private static async Task<HttpClient> SignedInAsync(string baseUrl)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
        Assert.Equal(HttpStatusCode.Redirect, (await EditorSignIn.PostAsync(client, "crash-editor", Password)).StatusCode);
        return client;
    }

    private static async Task<RunningApp> StartAsync(string data)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "UjDatabase.Web.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["UJDB_DATA_DIR"] = data;
        start.Environment["UJDB_SEED_DIR"] = TestFiles.SeedDirectory;
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["UJDB_PUBLIC_URL"] = $"http://127.0.0.1:{port}";
        start.Environment["UJDB_RATE_SIGN_IN"] = "1000";
        var app = new RunningApp(Process.Start(start)!, $"http://127.0.0.1:{port}");
        using var probe = new HttpClient { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 240; attempt++)
        {
            try
            {
                if ((await probe.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return app;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            Assert.False(app.Process.HasExited, "the web app ended while starting");
            await Task.Delay(250);
        }

        app.Kill();
        throw new TimeoutException("the web app did not become ready within a minute");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A started web app process, killed when disposed if it is still running.</summary>
    private sealed class RunningApp(Process process, string baseUrl) : IDisposable
    {
        public Process Process { get; } = process;

        public string BaseUrl { get; } = baseUrl;

        // Output is read and dropped so that a full pipe never blocks the app.
        private readonly Task output = process.StandardOutput.ReadToEndAsync();
        private readonly Task error = process.StandardError.ReadToEndAsync();

        public void Kill()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
            }

            Process.WaitForExit();
        }

        public void Dispose()
        {
            Kill();
            Task.WaitAll(output, error);
            Process.Dispose();
        }
    }
}
