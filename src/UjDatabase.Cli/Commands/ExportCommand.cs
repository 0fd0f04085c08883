using UjDatabase.Core.Interchange;
using UjDatabase.Embedded;

namespace UjDatabase.Cli.Commands;

/// <summary><c>ujdb export --format json|jsonl [--out FILE]</c>: every record, ordered by id, in the interchange format.</summary>
public static class ExportCommand
{
    public static async Task<int> RunAsync(string[] args, SqliteCaseStore store, CliConsole console, Stream? standardOutput = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(console);
        var options = Options.Parse(args, "--format", "--out");
        if (options.Error is not null || options.Positional.Count > 0)
        {
            return await console.UsageErrorAsync(options.Error ?? "export takes no positional arguments");
        }

        if (!CaseFileWriter.TryParseFormat(options.Get("--format"), out var format))
        {
            return await console.UsageErrorAsync("export needs --format json or --format jsonl");
        }

        await store.MigrateAsync();
        var path = options.Get("--out");
        long count;
        if (path is null)
        {
            await console.Out.FlushAsync();
            var stdout = standardOutput ?? Console.OpenStandardOutput();
            count = await CaseFileWriter.WriteAsync(stdout, store.StreamAllAsync(), format);
        }
        else
        {
            // Write beside the target and rename, so a failed export never leaves a truncated file behind.
            var temporary = path + ".partial";
            await using (var file = File.Create(temporary))
            {
                count = await CaseFileWriter.WriteAsync(file, store.StreamAllAsync(), format);
            }

            File.Move(temporary, path, overwrite: true);
        }

        await console.Error.WriteLineAsync($"Exported {count} record(s).");
        return ExitCodes.Ok;
    }
}
