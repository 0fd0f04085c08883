using System.Diagnostics;
using UjDatabase.Core.Storage;

namespace UjDatabase.Cli.Commands;

/// <summary>
/// Brings the search index up to date from the command line, unless another process owns that work: the running web
/// app holds the embedded index's write lock, or the sync lease of the server profile. Then the index is left to it.
/// </summary>
internal static class IndexCatchUp
{
    /// <summary>Builds the index when it is missing, applies pending changes, and returns how many are still pending.</summary>
    public static async Task<int> RunAsync(StorageParts profile, CliConsole console)
    {
        await profile.Indexer.EnsureReadyAsync(Progress(console));
        while (await profile.Indexer.SyncAsync() > 0)
        {
        }

        return (await profile.Source.ReadPendingAsync(int.MaxValue)).Count;
    }

    /// <summary>
    /// Progress of an index build on standard error: a build of a few thousand records takes a moment and says nothing,
    /// a long one reports every few seconds.
    /// </summary>
    public static IProgress<long> Progress(CliConsole console)
    {
        var clock = Stopwatch.StartNew();
        var shown = TimeSpan.Zero;
        return new InlineProgress(records =>
        {
            if (clock.Elapsed - shown >= TimeSpan.FromSeconds(3))
            {
                shown = clock.Elapsed;
                console.Error.WriteLine($"Building the search index from the store: {records:N0} records so far.");
            }
        });
    }

    /// <summary>Reports on the caller's thread, in order (<see cref="Progress{T}"/> would post them to the thread pool).</summary>
    private sealed class InlineProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
