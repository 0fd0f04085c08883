using System.Diagnostics;
using System.Globalization;

namespace UjDatabase.Bench;

/// <summary>The web app as users get it: the Release build on real Kestrel, over a data directory, timed over HTTP.</summary>
internal sealed class AppUnderTest : IDisposable
{
    private readonly Process process;
    private readonly Stopwatch sinceStart = Stopwatch.StartNew();
    private readonly TaskCompletionSource warmedUp = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppUnderTest(Process process, string baseUrl)
    {
        this.process = process;
        BaseUrl = baseUrl;
        Http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(5) };
    }

    public string BaseUrl { get; }

    public HttpClient Http { get; }

    public List<string> Log { get; } = [];

    /// <summary>Starts the app; rate limits are lifted so that the bench measures the engine, not the limiter.</summary>
    public static AppUnderTest Start(string repo, string dataDirectory, int port)
    {
        // Another app left on the port would answer in this one's place.
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port))
        {
            probe.Start();
        }

        var web = Path.Combine(repo, "src", "UjDatabase.Web");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = web, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(web, "bin", "Release", "net10.0", "UjDatabase.Web.dll"));
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["UJDB_DATA_DIR"] = dataDirectory;
        start.Environment["UJDB_RATE_SEARCH"] = "100000000";
        start.Environment["UJDB_RATE_EXPORT"] = "100000000";
        start.Environment["UJDB_RATE_STATS"] = "100000000";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the web app.");
        var app = new AppUnderTest(process, $"http://127.0.0.1:{port}");
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => app.warmedUp.TrySetException(new InvalidOperationException("The web app stopped:\n" + string.Join('\n', app.Log)));
        process.OutputDataReceived += (_, e) => app.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => app.OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (Log)
        {
            Log.Add(line);
        }

        if (line.Contains("warmed up", StringComparison.Ordinal))
        {
            warmedUp.TrySetResult();
        }
    }

    /// <summary>Time from the process start to the first search answered with <paramref name="expectedTotal"/> records.</summary>
    public async Task<TimeSpan> FirstSearchAsync(long expectedTotal)
    {
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("The web app stopped:\n" + string.Join('\n', Log));
            }

            try
            {
                using var response = await Http.GetAsync("/api/cases?q=synthetic&size=1");
                if (response.IsSuccessStatusCode)
                {
                    var total = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("total").GetInt64();
                    if (total == expectedTotal)
                    {
                        return sinceStart.Elapsed;
                    }
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Waits for the app's start-up warm-up to finish, so that timings are of the steady state.</summary>
    public Task WarmedUpAsync() => warmedUp.Task.WaitAsync(TimeSpan.FromMinutes(10));

    /// <summary>One request, read to the end; its time and its answer's total.</summary>
    public async Task<(TimeSpan Elapsed, long? Total)> GetAsync(string path)
    {
        var clock = Stopwatch.StartNew();
        using var response = await Http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsByteArrayAsync();
        var elapsed = clock.Elapsed;
        response.EnsureSuccessStatusCode();
        long? total = null;
        if (response.Content.Headers.ContentType?.MediaType == "application/json" && body.Length < 2_000_000)
        {
            using var json = System.Text.Json.JsonDocument.Parse(body);
            total = json.RootElement.TryGetProperty("total", out var t) ? t.GetInt64() : null;
        }

        return (elapsed, total);
    }

    /// <summary>The process's resident memory now and at its peak, in MB.</summary>
    public (long Current, long Peak) MemoryMb()
    {
        long Read(string key)
        {
            var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith(key, StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        }

        return (Read("VmRSS:"), Read("VmHWM:"));
    }

    public void Dispose()
    {
        Http.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }
}
