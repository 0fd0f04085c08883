using UjDatabase.Core.Storage;

namespace UjDatabase.Cli.Commands;

/// <summary><c>ujdb reindex</c>: rebuilds the search index from the store; a failed rebuild leaves the last good index in place.</summary>
public static class ReindexCommand
{
    public static async Task<int> RunAsync(string[] args, StorageParts profile, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(console);
        if (args.Length > 0)
        {
            return await console.UsageErrorAsync("reindex takes no arguments");
        }

        await profile.Store.MigrateAsync();
        var count = await profile.Indexer.ReindexAsync(IndexCatchUp.Progress(console));
        await console.Out.WriteLineAsync($"Reindexed {count} record(s).");
        return ExitCodes.Ok;
    }
}
