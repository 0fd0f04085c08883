using UjDatabase.Embedded;

namespace UjDatabase.Cli.Commands;

/// <summary>
/// <c>ujdb restore FILE</c>: checks a backup, keeps the current store aside, replaces it with the backup and rebuilds the
/// search index from it. Refused while the web app (or another ujdb) uses the data directory.
/// </summary>
public static class RestoreCommand
{
    public static async Task<int> RunAsync(string[] args, EmbeddedProfile profile, CliConsole console, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(console);
        var options = Options.Parse(args);
        if (options.Error is not null || options.Positional.Count != 1 || !Options.IsFileName(options.Positional[0]))
        {
            return await console.UsageErrorAsync(options.Error ?? (options.Positional.Count == 1 ? "FILE is not a usable file name" : "restore needs exactly one FILE, the backup to restore"));
        }

        var file = Path.GetFullPath(options.Positional[0]);
        // The index's write lock is held by whoever uses the data directory: the web app, or an import in progress.
        // Holding it here also keeps them out until the restore and the rebuild are done.
        if (!profile.Indexer.CanWrite)
        {
            await console.Error.WriteLineAsync($"ujdb: the store at {profile.Database.Path} is in use (the web app or another ujdb holds its search index); stop it, then restore. Nothing was changed.");
            return ExitCodes.Failure;
        }

        (long Records, string? Kept) restored;
        try
        {
            // The file is checked before anything is changed, so that a bad one says what is wrong with it.
            restored = StoreFile.Restore(profile.Database, file, clock);
        }
        catch (InvalidDataException ex)
        {
            await console.Error.WriteLineAsync($"ujdb: {ex.Message} Nothing was changed.");
            return ExitCodes.InvalidData;
        }

        if (restored.Kept is not null)
        {
            await console.Out.WriteLineAsync($"The previous store was kept as {restored.Kept}.");
        }

        var indexed = await profile.Indexer.ReindexAsync(IndexCatchUp.Progress(console));
        await console.Out.WriteLineAsync($"Restored {restored.Records} record(s) from {file}; search index rebuilt ({indexed} record(s)).");
        return ExitCodes.Ok;
    }
}
