using System.Globalization;
using UjDatabase.Core.Storage;
using UjDatabase.Core.Validation;

namespace UjDatabase.Cli.Commands;

/// <summary><c>ujdb history ID</c>: every revision of a record, newest first, with who, when, and each changed field before and after (a list by the items added and removed).</summary>
public static class HistoryCommand
{
    public static async Task<int> RunAsync(string[] args, StorageParts profile, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(console);
        var options = Options.Parse(args);
        if (options.Error is not null || options.Positional.Count != 1)
        {
            return await console.UsageErrorAsync(options.Error ?? "history needs one record ID");
        }

        var id = options.Positional[0];
        if (!CaseValidator.IsSlug(id))
        {
            await console.Error.WriteLineAsync($"ujdb: '{id}' is not a record id.");
            return ExitCodes.InvalidData;
        }

        await profile.Store.MigrateAsync();
        var revisions = await profile.Editor.HistoryAsync(id);
        if (revisions.Count == 0)
        {
            await console.Out.WriteLineAsync(await profile.Store.GetAsync(id) is null
                ? $"No record {id} and no history of one."
                : $"{id} has no recorded change: it is as it was first loaded (from the seed data, or by an import made before imports kept history).");
            return ExitCodes.Ok;
        }

        foreach (var revision in revisions.Reverse())
        {
            await console.Out.WriteLineAsync($"Revision {revision.Number.ToString(CultureInfo.InvariantCulture)}: {revision.Action} by {revision.Author}, {revision.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC{(revision.Published ? string.Empty : " (not published)")}");
            foreach (var change in revision.Changes)
            {
                await console.Out.WriteLineAsync($"  {change.Field}");
                if (change.IsList)
                {
                    // A list is told by what came and went, as on the history page; the whole lists stay in the store.
                    foreach (var item in change.Removed)
                    {
                        await console.Out.WriteLineAsync($"    removed: {item}");
                    }

                    foreach (var item in change.Added)
                    {
                        await console.Out.WriteLineAsync($"    added:   {item}");
                    }

                    continue;
                }

                await console.Out.WriteLineAsync($"    before: {change.Before ?? "(none)"}");
                await console.Out.WriteLineAsync($"    after:  {change.After ?? "(none)"}");
            }
        }

        return ExitCodes.Ok;
    }
}
