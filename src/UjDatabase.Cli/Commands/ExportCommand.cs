using UjDatabase.Core.Export;
using UjDatabase.Core.Interchange;
using UjDatabase.Core.Search;
using UjDatabase.Core.Storage;

namespace UjDatabase.Cli.Commands;

/// <summary>
/// <c>ujdb export --format json|jsonl|csv|xlsx [--out FILE] [search filters]</c>. With no filter, every record of the
/// store ordered by id (so export, import, export gives identical bytes); with filters, the records of that search.
/// </summary>
public static class ExportCommand
{
    public static async Task<int> RunAsync(string[] args, StorageParts profile, CliConsole console, TimeProvider clock, string publicUrl)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(clock);
        var arguments = Options.Parse(args, takesSearch: true, "--format", "--out");
        if (arguments.Error is not null || arguments.Positional.Count > 0)
        {
            return await console.UsageErrorAsync(arguments.Error ?? $"unexpected argument '{arguments.Positional[0]}'");
        }

        if (!CaseExporter.TryParseFormat(arguments.Get("--format"), out var format))
        {
            return await console.UsageErrorAsync("export needs --format json, jsonl, csv or xlsx");
        }

        var parsed = CaseQueryParser.Parse(arguments.Search);
        if (!parsed.IsValid)
        {
            return await console.UsageErrorAsync(string.Join("; ", parsed.Errors));
        }

        var path = arguments.Get("--out");
        if (format == ExportFormat.Xlsx && path is null)
        {
            return await console.UsageErrorAsync("an xlsx export needs --out FILE");
        }

        await profile.Store.MigrateAsync();
        var query = parsed.Query.ForExport();
        IAsyncEnumerable<Core.Cases.CaseRecord> records;
        if (arguments.Search.Count == 0)
        {
            records = profile.Store.StreamAllAsync();
        }
        else
        {
            await IndexCatchUp.RunAsync(profile, console);

            records = profile.Engine.StreamAsync(query);
        }

        var context = new ExportContext(publicUrl, query.ToQueryString(), query.Describe(), clock.GetUtcNow());
        long count;
        if (path is null)
        {
            await console.Out.FlushAsync();
            await using var stdout = console.OpenStandardOutput();
            count = await CaseExporter.WriteAsync(stdout, format, records, context);
        }
        else
        {
            // Write beside the target and rename, so a failed export never leaves a truncated file behind.
            var temporary = path + ".partial";
            await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite))
            {
                count = await CaseExporter.WriteAsync(file, format, records, context);
            }

            File.Move(temporary, path, overwrite: true);
        }

        await console.Error.WriteLineAsync($"Exported {count} record(s).");
        return ExitCodes.Ok;
    }
}
