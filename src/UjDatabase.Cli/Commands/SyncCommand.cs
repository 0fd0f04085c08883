using UjDatabase.Core.Storage;

namespace UjDatabase.Cli.Commands;

/// <summary>
/// <c>ujdb sync [--retry-dead]</c>: brings the search index up to date from the outbox (unless the web app holds it and
/// does so itself); with --retry-dead, first puts the changes the index refused back into the outbox. Exit 1 while
/// changes stay set aside.
/// </summary>
public static class SyncCommand
{
    public static async Task<int> RunAsync(string[] args, StorageParts profile, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(console);
        var retry = args is ["--retry-dead"];
        if (args.Length > 0 && !retry)
        {
            return await console.UsageErrorAsync("sync takes no argument but --retry-dead, once");
        }

        await profile.Store.MigrateAsync();
        if (retry)
        {
            var requeued = await profile.Source.RetryDeadAsync();
            await console.Out.WriteLineAsync($"Put {requeued} change(s) set aside back into the outbox.");
        }

        var pending = await IndexCatchUp.RunAsync(profile, console);
        await console.Out.WriteLineAsync(pending == 0
            ? "The search index is up to date."
            : $"{pending} change(s) wait to be indexed: the running web app indexes them (it holds the index).");
        return await ReportDeadLettersAsync(profile.Source, console) ? ExitCodes.InvalidData : ExitCodes.Ok;
    }

    /// <summary>Lists the changes set aside, with their errors and what to do; true when there is any.</summary>
    public static async Task<bool> ReportDeadLettersAsync(IIndexSource source, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(console);
        var dead = await source.DeadLettersAsync();
        foreach (var letter in dead)
        {
            await console.Error.WriteLineAsync($"{letter.CaseId}: the index refused version {letter.Version} on {letter.FailedAt:yyyy-MM-dd HH:mm} UTC: {letter.Error}");
        }

        if (dead.Count > 0)
        {
            await console.Error.WriteLineAsync($"{dead.Count} change(s) the index refused are set aside (dead letters). Fix the cause, then run 'ujdb sync --retry-dead'.");
        }

        return dead.Count > 0;
    }
}
