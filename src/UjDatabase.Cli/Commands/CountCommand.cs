using System.Globalization;
using UjDatabase.Core.Storage;

namespace UjDatabase.Cli.Commands;

/// <summary><c>ujdb count</c>: prints the number of records in the store.</summary>
public static class CountCommand
{
    public static async Task<int> RunAsync(string[] args, ICaseStore store, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(console);
        if (args.Length > 0)
        {
            return await console.UsageErrorAsync("count takes no arguments");
        }

        await store.MigrateAsync();
        await console.Out.WriteLineAsync((await store.CountAsync()).ToString(CultureInfo.InvariantCulture));
        return ExitCodes.Ok;
    }
}
