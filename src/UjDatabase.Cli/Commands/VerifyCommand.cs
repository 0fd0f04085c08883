using UjDatabase.Core.Storage;

namespace UjDatabase.Cli.Commands;

/// <summary><c>ujdb verify</c>: compares the store and the search index (ids and versions); exit 1 on any difference.</summary>
public static class VerifyCommand
{
    public static async Task<int> RunAsync(string[] args, StorageParts profile, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(console);
        if (args.Length > 0)
        {
            return await console.UsageErrorAsync("verify takes no arguments");
        }

        await profile.Store.MigrateAsync();
        await IndexCatchUp.RunAsync(profile, console);
        var differences = await profile.Indexer.VerifyAsync();
        // Changes still in the outbox explain their records' differences: the index has not caught up yet, nothing is wrong.
        var pending = (await profile.Source.ReadPendingAsync(int.MaxValue)).Select(p => p.CaseId).ToHashSet(StringComparer.Ordinal);
        // So do the changes the index refused and that wait aside: they are listed below as what to act on.
        var setAside = (await profile.Source.DeadLettersAsync()).Select(d => d.CaseId).ToHashSet(StringComparer.Ordinal);
        var unexplained = differences.Where(d => d.CaseId is null || (!pending.Contains(d.CaseId) && !setAside.Contains(d.CaseId))).ToList();
        foreach (var difference in unexplained)
        {
            await console.Error.WriteLineAsync(difference.ToString());
        }

        if (unexplained.Count > 0)
        {
            await console.Error.WriteLineAsync($"{unexplained.Count} difference(s) between the store and the index. Run 'ujdb reindex' to rebuild it.");
        }

        if (await SyncCommand.ReportDeadLettersAsync(profile.Source, console) || unexplained.Count > 0)
        {
            return ExitCodes.InvalidData;
        }

        var count = await profile.Store.CountAsync();
        if (pending.Count > 0)
        {
            await console.Out.WriteLineAsync($"The index matches the store ({count} record(s)) but for {pending.Count} change(s) still waiting to be indexed; the web app's index sync applies them, or run 'ujdb reindex'.");
            return ExitCodes.Ok;
        }

        await console.Out.WriteLineAsync($"The index matches the store ({count} record(s)).");
        return ExitCodes.Ok;
    }
}
