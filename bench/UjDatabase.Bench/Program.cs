using System.Diagnostics;
using System.Globalization;
using System.Text;
using UjDatabase.Bench;
using UjDatabase.Core.Search;

// The bench: one run at one size, the app and its peer side by side. See bench/README.md; run it with bench/run.
var options = Options.Parse(args);
var repo = Options.RepoRoot();
var data = Path.Combine(repo, "bench", "data");
Directory.CreateDirectory(data);
var report = new StringBuilder();
void Say(string line)
{
    Console.WriteLine(line);
    report.AppendLine(line);
}

var ujdb = Path.Combine(repo, "src", "UjDatabase.Cli", "bin", "Release", "net10.0", "ujdb.dll");
var records = options.Records;
Say($"# {records:N0} records, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
Say(string.Empty);
Say($"Machine: {Environment.ProcessorCount} cores, {Options.MemoryGb()} GB; .NET {Environment.Version}; {(options.Peer ? PostgresPeer.Version() : "no peer")}.");
Say($"Command: `bench/run {string.Join(' ', args)}`. Nothing else ran on the machine during the run.");
Say(string.Empty);

// 1. The records: generated once per size, marked synthetic, kept under bench/data (ignored by git).
var file = Path.Combine(data, $"synthetic-{records}.jsonl");
if (!File.Exists(file))
{
    ProcessRunner.Run("dotnet", [ujdb, "generate", "--count", records.ToString(CultureInfo.InvariantCulture), "--seed", "42", "--out", file]);
}

// 2. Import into a fresh data directory: the store, then the index, by ujdb alone (no app running).
var directory = Path.Combine(data, $"app-{records}");
if (Directory.Exists(directory))
{
    Directory.Delete(directory, recursive: true);
}

var importClock = Stopwatch.StartNew();
TimeSpan? stored = null;
var (_, timeOutput, imported) = ProcessRunner.Run(
    "/usr/bin/time",
    ["-v", "dotnet", ujdb, "import", file],
    new Dictionary<string, string> { ["UJDB_DATA_DIR"] = directory },
    line => stored ??= line.StartsWith("Imported ", StringComparison.Ordinal) ? importClock.Elapsed : null);
var peakKb = long.Parse(timeOutput.Split('\n').First(l => l.Contains("Maximum resident set size", StringComparison.Ordinal)).Split(':')[1].Trim(), CultureInfo.InvariantCulture);
Say("## Import (`ujdb import`, no app running)");
Say(string.Empty);
Say("| step | time | records/s |");
Say("|---|---:|---:|");
Say($"| validate and write the store | {stored!.Value.TotalSeconds:F1} s | {records / stored.Value.TotalSeconds:N0} |");
Say($"| build the index from the store | {(imported - stored.Value).TotalSeconds:F1} s | {records / (imported - stored.Value).TotalSeconds:N0} |");
Say($"| searchable (both) | {imported.TotalSeconds:F1} s | {records / imported.TotalSeconds:N0} |");
Say(string.Empty);
Say($"Peak memory of the import: {peakKb / 1024:N0} MB. Store {Options.SizeMb(Path.Combine(directory, "ujdb.sqlite")):N0} MB, index {Options.SizeMb(Path.Combine(directory, "index")):N0} MB.");
Say(string.Empty);

// 3. The app: started once to open the new index, then restarted; the restart is what users wait for.
using (var first = AppUnderTest.Start(repo, directory, options.Port))
{
    await first.FirstSearchAsync(records);
}

var app = AppUnderTest.Start(repo, directory, options.Port);
var firstSearch = await app.FirstSearchAsync(records);
Say($"First search answered {firstSearch.TotalSeconds:F1} s after the app's process started (a restart: the index is opened, not rebuilt).");
await app.WarmedUpAsync();
var warmUp = app.Log.FirstOrDefault(l => l.Contains("warmed up", StringComparison.Ordinal))?.Trim().Replace("Search warmed up in ", string.Empty, StringComparison.Ordinal).TrimEnd('.');
Say($"The app's start-up warm-up (a set of searches run 30 times in the background) took {warmUp}; the timings below are after it.");
Say(string.Empty);

// 4. The peer, loaded with the same records.
PostgresPeer? peer = null;
try
{
    if (options.Peer)
    {
        peer = PostgresPeer.Start();
        var load = await peer.LoadAsync(file);
        Say($"PostgreSQL loaded the same records with its indexes in {load.TotalSeconds:F1} s.");
        Say(string.Empty);
    }

    // 5. The query set, interleaved: each round runs every class once against each side, so noise hits both alike.
    var ours = QuerySet.All.ToDictionary(c => c, _ => new Timings());
    var theirs = QuerySet.All.ToDictionary(c => c, _ => new Timings());
    var totals = QuerySet.All.ToDictionary(c => c, _ => (Ours: (long?)null, Peer: (long?)null));
    var peerBudget = Stopwatch.StartNew();
    for (var round = -options.WarmUpRounds; round < options.Runs; round++)
    {
        foreach (var queryClass in QuerySet.All)
        {
            var (elapsed, total) = await app.GetAsync("/api/cases?" + queryClass.Parameters);
            if (round >= 0)
            {
                ours[queryClass].Add(elapsed);
                totals[queryClass] = (total, totals[queryClass].Peer);
            }

            // The peer takes seconds per query at a million records: it gets fewer rounds when they would take too long.
            if (peer is not null && (round < 0 || theirs[queryClass].Count < 3 || peerBudget.Elapsed < options.PeerBudget))
            {
                var (peerElapsed, peerTotal) = await peer.SearchAsync(CaseQueryParser.Parse(queryClass.Parameters).Query);
                if (round >= 0)
                {
                    theirs[queryClass].Add(peerElapsed);
                    totals[queryClass] = (totals[queryClass].Ours, peerTotal);
                }
            }
        }
    }

    Say($"## Search: {options.Runs} timed rounds of the whole set after {options.WarmUpRounds} untimed, ms");
    Say(string.Empty);
    Say("Ours: the whole HTTP round trip of `/api/cases?…` (every facet counted, the event-year histogram, one page of hits with snippets). "
        + "Peer: the same search as one batch of SQL statements over a local socket (no HTTP).");
    Say(string.Empty);
    Say("| class | query | records | ours p50 | ours p95 | peer p50 | peer p95 | peer runs | p50 ratio |");
    Say("|---|---|---:|---:|---:|---:|---:|---:|---:|");
    var ratios = new List<double>();
    foreach (var queryClass in QuerySet.All)
    {
        var ratio = theirs[queryClass].Median / ours[queryClass].Median;
        if (peer is not null)
        {
            ratios.Add(ratio);
        }

        var (ourTotal, peerTotal) = totals[queryClass];
        var count = peerTotal is null || peerTotal == ourTotal ? $"{ourTotal:N0}" : $"{ourTotal:N0} (peer {peerTotal:N0})";
        Say($"| {queryClass.Name} | `{(queryClass.Parameters.Length == 0 ? "(none)" : Uri.UnescapeDataString(queryClass.Parameters))}` | {count} | {Timings.Ms(ours[queryClass].Median)} | {Timings.Ms(ours[queryClass].P95)} | "
            + $"{Timings.Ms(theirs[queryClass].Median)} | {Timings.Ms(theirs[queryClass].P95)} | {theirs[queryClass].Count} | {(peer is null ? "–" : ratio.ToString("F1", CultureInfo.InvariantCulture) + "×")} |");
    }

    Say(string.Empty);
    if (ratios.Count > 0)
    {
        var geometricMean = Math.Exp(ratios.Average(Math.Log));
        Say($"Geometric mean of the p50 ratios: {geometricMean:F1}×; slowest class against the peer: {ratios.Min():F1}×.");
        Say(string.Empty);
    }

    // 6. The year in review and a CSV export of the whole store.
    var review = new Timings();
    var export = new Timings();
    for (var i = 0; i < options.HeavyRuns; i++)
    {
        review.Add((await app.GetAsync("/api/stats/review?year=2020")).Elapsed);
    }

    var before = app.MemoryMb();
    for (var i = 0; i < Math.Max(1, options.HeavyRuns / 3); i++)
    {
        export.Add((await app.GetAsync("/api/cases/export?format=csv")).Elapsed);
    }

    var after = app.MemoryMb();
    Say("## Statistics and exports");
    Say(string.Empty);
    Say("| request | p50 | max | runs |");
    Say("|---|---:|---:|---:|");
    Say($"| year in review (`/api/stats/review?year=2020`, every table) | {Timings.Ms(review.Median)} ms | {Timings.Ms(review.Percentile(100))} ms | {review.Count} |");
    Say($"| CSV export of every record (`/api/cases/export?format=csv`) | {export.Median / 1000:F1} s | {export.Percentile(100) / 1000:F1} s | {export.Count} |");
    Say(string.Empty);
    Say($"App memory: {before.Current:N0} MB before the exports, {after.Current:N0} MB after, peak {after.Peak:N0} MB.");
    Say(string.Empty);

    // 7. Load: the search page (HTML) under 16 connections, with wrk when installed.
    if (options.Load && File.Exists("/usr/bin/wrk"))
    {
        var script = Path.Combine(repo, "bench", "search-pages.lua");
        var (wrk, _, _) = ProcessRunner.Run("/usr/bin/wrk", ["-t2", "-c16", $"-d{options.LoadSeconds}s", "--latency", "-s", script, app.BaseUrl]);
        Say($"## Load: the search page, 16 connections, {options.LoadSeconds} s (`wrk -t2 -c16 -d{options.LoadSeconds}s --latency -s bench/search-pages.lua`)");
        Say(string.Empty);
        Say("```");
        Say(wrk.Trim());
        Say("```");
        Say(string.Empty);
    }

}
finally
{
    peer?.Dispose();
    app.Dispose();
}

var results = Path.Combine(repo, "bench", "results");
Directory.CreateDirectory(results);
var saved = Path.Combine(results, $"{records}.md");
File.WriteAllText(saved, report.ToString());
Console.WriteLine($"Written to {saved}.");

/// <summary>The bench's command line.</summary>
internal sealed record Options(int Records, int Runs, int WarmUpRounds, bool Peer, TimeSpan PeerBudget, int HeavyRuns, bool Load, int LoadSeconds, int Port)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) => Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
        return new Options(
            Number("--records", 100_000),
            Number("--runs", 30),
            Number("--warm-up", 3),
            !args.Contains("--no-peer"),
            TimeSpan.FromMinutes(Number("--peer-minutes", 20)),
            Number("--heavy-runs", 5),
            !args.Contains("--no-load"),
            Number("--load-seconds", 30),
            Number("--port", 5099));
    }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "UjDatabase.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the bench from inside the repository.");
    }

    public static long SizeMb(string path) =>
        (File.Exists(path) ? new FileInfo(path).Length : Directory.GetFiles(path).Sum(f => new FileInfo(f).Length)) / (1024 * 1024);

    public static long MemoryGb() =>
        long.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / (1024 * 1024);
}
