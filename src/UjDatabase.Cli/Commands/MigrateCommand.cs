using UjDatabase.Core.Storage;

namespace UjDatabase.Cli.Commands;

/// <summary><c>ujdb migrate</c>: creates or upgrades the store.</summary>
public static class MigrateCommand
{
    public static async Task<int> RunAsync(string[] args, ICaseStore store, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(console);
        if (args.Length > 0)
        {
            return await console.UsageErrorAsync("migrate takes no arguments");
        }

        await store.MigrateAsync();
        await console.Out.WriteLineAsync("The store is up to date.");
        return ExitCodes.Ok;
    }
}
