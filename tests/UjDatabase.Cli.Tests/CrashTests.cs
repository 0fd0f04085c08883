using System.Diagnostics;
using System.Globalization;
using UjDatabase.Tests;

namespace UjDatabase.Cli.Tests;

/// <summary>
/// ujdb as a real process, killed with SIGKILL at many points of an import (validation, the store's transaction, the
/// index catching up) and of a reindex: afterwards the store holds exactly the committed imports and the index
/// catches up to it.
/// </summary>
public sealed class CrashTests : IDisposable
{
    /// <summary>Kill points, plus one more file to time a whole import.</summary>
    private const int Files = 21;
    private const int PerFile = 1000;

    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task An_import_killed_at_twenty_points_is_all_or_nothing_and_the_index_catches_up_after()
    {
        var files = await SplitSyntheticAsync();
        // How long a whole import takes on this machine, so that the kill points spread over it wherever it runs: the
        // shorter of two runs, as the first is often slowed by a cold start and later imports then finish sooner.
        var whole = TimeSpan.MaxValue;
        for (var run = 0; run < 2; run++)
        {
            var clock = Stopwatch.StartNew();
            Assert.False(await RunAndKillAsync(directory.File($"scratch-{run}"), TimeSpan.FromMinutes(2), "import", files[^1]));
            whole = clock.Elapsed < whole ? clock.Elapsed : whole;
        }

        var data = directory.File("data");
        long committed = 0;
        var killedAt = 0;
        for (var i = 0; i < Files - 1; i++)
        {
            // From the runtime's start-up through validation, the store's transaction and the index catching up:
            // each kill lands at a different moment of the import.
            var killed = await RunAndKillAsync(data, whole * (0.1 + (0.85 * i / (Files - 1))), "import", files[i]);
            killedAt += killed ? 1 : 0;

            var count = long.Parse((await InProcessAsync(data, "count")).Out.Trim(), CultureInfo.InvariantCulture);
            Assert.True(count == committed || count == committed + PerFile, $"kill point {i}: {count} records after {committed}: an import was written in part");
            committed = count;
        }

        var verify = await InProcessAsync(data, "verify");
        Assert.True(verify.ExitCode == ExitCodes.Ok, verify.Out + verify.Error);
        Assert.Contains($"({committed} record(s))", verify.Out, StringComparison.Ordinal);
        // Most points must really have killed an import (a slower machine kills more, a faster one fewer).
        Assert.True(killedAt >= 15, $"only {killedAt} of {Files - 1} imports were killed before they finished (a whole one takes {whole.TotalMilliseconds:0} ms)");
    }

    [Fact]
    public async Task A_reindex_killed_at_any_point_leaves_an_index_that_verify_brings_back_to_the_store()
    {
        var files = await SplitSyntheticAsync();
        var data = directory.File("data");
        Assert.Equal(ExitCodes.Ok, (await InProcessAsync(data, ["import", .. files[..5]])).ExitCode);
        // The shorter of two whole runs: the first is often slowed by a cold start, and kill points measured from it
        // would land after a warm reindex has already finished.
        var whole = TimeSpan.MaxValue;
        for (var run = 0; run < 2; run++)
        {
            var clock = Stopwatch.StartNew();
            Assert.False(await RunAndKillAsync(data, TimeSpan.FromMinutes(2), "reindex"));
            whole = clock.Elapsed < whole ? clock.Elapsed : whole;
        }

        var killedAt = 0;
        for (var i = 0; i < 6; i++)
        {
            killedAt += await RunAndKillAsync(data, whole * (0.2 + (0.13 * i)), "reindex") ? 1 : 0;

            var verify = await InProcessAsync(data, "verify");
            Assert.True(verify.ExitCode == ExitCodes.Ok, $"kill point {i}: {verify.Out}{verify.Error}");
            Assert.Contains($"({5 * PerFile} record(s))", verify.Out, StringComparison.Ordinal);
        }

        Assert.True(killedAt >= 4, $"only {killedAt} of 6 reindexes were killed before they finished (a whole one takes {whole.TotalMilliseconds:0} ms)");
    }

    /// <summary>Synthetic records in files of distinct ids, so that each committed import adds exactly its own.</summary>
    private async Task<string[]> SplitSyntheticAsync()
    {
        var all = directory.File("all.jsonl");
        Assert.Equal(ExitCodes.Ok, (await InProcessAsync(directory.File("unused"), "generate", "--count", (Files * PerFile).ToString(CultureInfo.InvariantCulture), "--out", all)).ExitCode);
        var lines = await File.ReadAllLinesAsync(all);
        var files = new string[Files];
        for (var i = 0; i < Files; i++)
        {
            files[i] = directory.File($"part-{i:D2}.jsonl");
            await File.WriteAllLinesAsync(files[i], lines.Skip(i * PerFile).Take(PerFile));
        }

        return files;
    }

    /// <summary>Starts ujdb, kills it (SIGKILL) after the delay unless it has ended; true when it was killed.</summary>
    private static async Task<bool> RunAndKillAsync(string data, TimeSpan delay, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ujdb.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["UJDB_DATA_DIR"] = data;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(delay);
        var killed = false;
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            killed = true;
        }

        await process.WaitForExitAsync();
        await Task.WhenAll(output, error);
        Assert.True(killed || process.ExitCode == 0, $"ujdb {string.Join(' ', args)} ended with {process.ExitCode}: {await error}");
        return killed;
    }

    private static async Task<(int ExitCode, string Out, string Error)> InProcessAsync(string data, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new Dictionary<string, string?> { ["UJDB_DATA_DIR"] = data };
        var code = await Ujdb.RunAsync(args, output, error, key => environment.GetValueOrDefault(key));
        return (code, output.ToString(), error.ToString());
    }
}
