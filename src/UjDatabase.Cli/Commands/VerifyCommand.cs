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
        var differences = await profile.Indexer.VerifyAsync();
        foreach (var difference in differences)
        {
            await console.Error.WriteLineAsync(difference);
        }

        if (differences.Count > 0)
        {
            await console.Error.WriteLineAsync($"{differences.Count} difference(s) between the store and the index. Run 'ujdb reindex' to rebuild it.");
            return ExitCodes.InvalidData;
        }

        await console.Out.WriteLineAsync($"The index matches the store ({await profile.Store.CountAsync()} record(s)).");
        return ExitCodes.Ok;
    }
}
