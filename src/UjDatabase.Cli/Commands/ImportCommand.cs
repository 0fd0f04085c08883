using UjDatabase.Core.Editing;
using UjDatabase.Core.Import;
using UjDatabase.Core.Search;
using UjDatabase.Core.Storage;

namespace UjDatabase.Cli.Commands;

/// <summary>
/// <c>ujdb import FILE...</c>: all records of all files in one transaction, or none, each new or changed record with its
/// revision; then the index catches up.
/// </summary>
public static class ImportCommand
{
    public static async Task<int> RunAsync(string[] args, StorageParts profile, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(console);
        var store = profile.Store;
        var (files, exitCode) = await console.FileArgumentsAsync(args, "import");
        if (files is null)
        {
            return exitCode;
        }

        await store.MigrateAsync();
        var result = await new CaseImporter(store).ImportAsync(files, new RevisionStamp(Author, RevisionActions.Import, DateTimeOffset.UtcNow));
        if (!result.Accepted)
        {
            await ImportReporting.PrintProblemsAsync(result, console.Error);
            await console.Error.WriteLineAsync("Import rejected: nothing was written.");
            return ExitCodes.InvalidData;
        }

        await console.Out.WriteLineAsync($"Imported {result.Written} record(s).");
        try
        {
            var pending = await IndexCatchUp.RunAsync(profile, console);
            await console.Out.WriteLineAsync(pending == 0
                ? "The search index is up to date."
                : $"{pending} change(s) wait to be indexed: the running web app indexes them (it holds the index).");
        }
        catch (SearchUnavailableException ex)
        {
            // The records are safely in the store; the outbox brings them to the index once it answers.
            await console.Error.WriteLineAsync($"ujdb: the records are imported, but the search index is not available ({ex.Message}); the web app's sync indexes them when it answers.");
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// The author of a command-line import's revisions: the command and the operating-system account that ran it, the
    /// most the command knows for sure (a name given on the command line would be the caller's word, not a fact).
    /// </summary>
    public static string Author => $"ujdb import ({Environment.UserName[..Math.Min(Environment.UserName.Length, 48)]})";
}
