using System.Globalization;
using UjDatabase.Core.Interchange;
using UjDatabase.Core.Synthetic;

namespace UjDatabase.Cli.Commands;

/// <summary><c>ujdb generate --count N --out FILE</c>: synthetic records for scale tests, never for seed-data.</summary>
public static class GenerateCommand
{
    public static async Task<int> RunAsync(string[] args, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var options = Options.Parse(args, "--count", "--seed", "--out");
        if (options.Error is not null || options.Positional.Count > 0)
        {
            return await console.UsageErrorAsync(options.Error ?? "generate takes no positional arguments");
        }

        if (!int.TryParse(options.Get("--count"), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1 || count > 10_000_000)
        {
            return await console.UsageErrorAsync("generate needs --count N with N from 1 to 10000000");
        }

        var seedText = options.Get("--seed");
        var seed = 1;
        if (seedText is not null && !int.TryParse(seedText, NumberStyles.Integer, CultureInfo.InvariantCulture, out seed))
        {
            return await console.UsageErrorAsync("--seed must be a whole number");
        }

        var path = options.Get("--out");
        if (path is null)
        {
            return await console.UsageErrorAsync("generate needs --out FILE");
        }

        await using var file = File.Create(path);
        var written = await CaseFileWriter.WriteAsync(file, SyntheticCases.Generate(count, seed).ToAsyncEnumerable(), InterchangeFormat.Jsonl);
        await console.Out.WriteLineAsync($"Wrote {written} synthetic record(s) to {path}.");
        return ExitCodes.Ok;
    }
}
