using UjDatabase.Core.Export;
using UjDatabase.Core.Statistics;
using UjDatabase.Core.Storage;

namespace UjDatabase.Cli.Commands;

/// <summary>
/// <c>ujdb stats --year N --by forum [--by crime] [--measure M] [--unit U] [--format csv|json|md] [search filters]</c>:
/// one statistics table, by the same rules as the site. With a year and no measure, it counts developments.
/// </summary>
public static class StatsCommand
{
    public static async Task<int> RunAsync(string[] args, StorageParts profile, CliConsole console, TimeProvider clock, string publicUrl)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(clock);
        var arguments = Options.Parse(args, takesSearch: true, "--format");
        if (arguments.Error is not null || arguments.Positional.Count > 0)
        {
            return await console.UsageErrorAsync(arguments.Error ?? $"unexpected argument '{arguments.Positional[0]}'");
        }

        var parameters = arguments.Search;
        if (parameters.Any(p => p.Key == "year") && !parameters.Any(p => p.Key == "measure"))
        {
            parameters.Add(new("measure", "developments"));
        }

        var (request, errors) = StatisticsRequest.Parse(parameters);
        var format = arguments.Get("--format") ?? "md";
        if (format is not ("csv" or "json" or "md"))
        {
            return await console.UsageErrorAsync($"--format {format}: use csv, json or md");
        }

        if (request is null)
        {
            return await console.UsageErrorAsync(string.Join("; ", errors));
        }

        await profile.Store.MigrateAsync();
        await IndexCatchUp.RunAsync(profile, console);

        var selected = await profile.Engine.CountAsync(request.BaseQuery);
        var table = await StatisticsCalculator.CountAsync(request, profile.Engine.FactsAsync(request.BaseQuery, StatisticsCalculator.RulesOf([request])), clock.GetUtcNow().Year, selected);
        switch (format)
        {
            case "csv":
                await console.Out.FlushAsync();
                await using (var stdout = console.OpenStandardOutput())
                {
                    await StatisticsExport.WriteCsvAsync(stdout, table);
                }

                break;
            case "json":
                await console.Out.WriteLineAsync(StatisticsExport.ToJson(table, publicUrl, clock.GetUtcNow()));
                break;
            default:
                await console.Out.WriteAsync(StatisticsExport.ToMarkdown(table));
                break;
        }

        return ExitCodes.Ok;
    }
}
