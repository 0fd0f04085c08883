using UjDatabase.Embedded;

namespace UjDatabase.Cli.Commands;

/// <summary><c>ujdb backup FILE</c>: an online copy of the embedded store, taken while the web app may be serving and writing.</summary>
public static class BackupCommand
{
    public static async Task<int> RunAsync(string[] args, EmbeddedProfile profile, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(console);
        var options = Options.Parse(args);
        if (options.Error is not null || options.Positional.Count != 1 || !Options.IsFileName(options.Positional[0]))
        {
            return await console.UsageErrorAsync(options.Error ?? (options.Positional.Count == 1 ? "FILE is not a usable file name" : "backup needs exactly one FILE, the new backup's name"));
        }

        var file = Path.GetFullPath(options.Positional[0]);
        var records = StoreFile.Backup(profile.Database, file);
        await console.Out.WriteLineAsync($"Backed up {records} record(s) to {file} ({new FileInfo(file).Length / 1024.0 / 1024.0:0.0} MB). The search index is not in the backup: it is rebuilt from the store on restore.");
        return ExitCodes.Ok;
    }
}
