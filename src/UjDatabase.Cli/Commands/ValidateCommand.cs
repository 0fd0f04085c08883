using UjDatabase.Core.Import;
using UjDatabase.Embedded;

namespace UjDatabase.Cli.Commands;

/// <summary><c>ujdb validate FILE...</c>: checks files as an import would, and writes nothing.</summary>
public static class ValidateCommand
{
    public static async Task<int> RunAsync(string[] args, SqliteCaseStore store, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var options = Options.Parse(args);
        if (options.Error is not null || options.Positional.Count == 0)
        {
            return await console.UsageErrorAsync(options.Error ?? "validate needs at least one FILE");
        }

        if (!await console.FilesExistAsync(options.Positional))
        {
            return ExitCodes.Failure;
        }

        await store!.MigrateAsync();
        var result = await new CaseImporter(store).ValidateAsync(options.Positional);
        if (!result.Accepted)
        {
            await ImportReporting.PrintProblemsAsync(result, console.Error);
            return ExitCodes.InvalidData;
        }

        await console.Out.WriteLineAsync($"Valid: {result.Files.Sum(f => f.Records)} record(s) in {result.Files.Count} file(s).");
        return ExitCodes.Ok;
    }
}
