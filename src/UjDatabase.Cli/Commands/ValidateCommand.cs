using UjDatabase.Core.Import;
using UjDatabase.Core.Storage;

namespace UjDatabase.Cli.Commands;

/// <summary><c>ujdb validate FILE...</c>: checks files as an import would, and writes nothing.</summary>
public static class ValidateCommand
{
    public static async Task<int> RunAsync(string[] args, ICaseStore store, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var (files, exitCode) = await console.FileArgumentsAsync(args, "validate");
        if (files is null)
        {
            return exitCode;
        }

        await store.MigrateAsync();
        var result = await new CaseImporter(store).ValidateAsync(files);
        if (!result.Accepted)
        {
            await ImportReporting.PrintProblemsAsync(result, console.Error);
            return ExitCodes.InvalidData;
        }

        await console.Out.WriteLineAsync($"Valid: {result.Files.Sum(f => f.Records)} record(s) in {result.Files.Count} file(s).");
        return ExitCodes.Ok;
    }
}
