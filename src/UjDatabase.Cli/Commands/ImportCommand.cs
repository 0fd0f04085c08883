using UjDatabase.Core.Import;
using UjDatabase.Core.Storage;

namespace UjDatabase.Cli.Commands;

/// <summary><c>ujdb import FILE...</c>: all records of all files in one transaction, or none.</summary>
public static class ImportCommand
{
    public static async Task<int> RunAsync(string[] args, ICaseStore store, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var (files, exitCode) = await console.FileArgumentsAsync(args, "import");
        if (files is null)
        {
            return exitCode;
        }

        await store.MigrateAsync();
        var result = await new CaseImporter(store).ImportAsync(files);
        if (!result.Accepted)
        {
            await ImportReporting.PrintProblemsAsync(result, console.Error);
            await console.Error.WriteLineAsync("Import rejected: nothing was written.");
            return ExitCodes.InvalidData;
        }

        await console.Out.WriteLineAsync($"Imported {result.Written} record(s).");
        return ExitCodes.Ok;
    }
}
