using UjDatabase.Cli.Commands;
using UjDatabase.Core.Storage;
using UjDatabase.Core.Search;
using UjDatabase.Embedded;
using UjDatabase.Server;

namespace UjDatabase.Cli;

/// <summary>Exit codes of <c>ujdb</c>.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The data is invalid (validate), or the import was rejected and nothing was written.</summary>
    public const int InvalidData = 1;

    /// <summary>The command line is wrong.</summary>
    public const int Usage = 2;

    /// <summary>Something outside the data failed: a missing file, a locked database, an unsupported profile.</summary>
    public const int Failure = 3;
}

/// <summary>The <c>ujdb</c> command line: parses the command and runs it against the configured store.</summary>
public static class Ujdb
{
    /// <summary>Each command's synopsis and what it does: the one source of the overall usage and of each command's --help.</summary>
    public static IReadOnlyList<(string Name, string Synopsis, string Description)> Commands { get; } =
    [
        ("migrate", "ujdb migrate", "Create or upgrade the store (safe to run any number of times)."),
        ("validate", "ujdb validate FILE [FILE...]", "Check interchange files as an import would; write nothing. Exit 1 when anything is wrong, listing every problem with file, line, record id and field."),
        ("import", "ujdb import FILE [FILE...]", "Validate, then write every record of every file in one transaction, or none when anything is wrong; then bring the search index up to date (unless the running web app holds it and does so itself)."),
        ("export", "ujdb export --format json|jsonl|csv|xlsx [--out FILE] [search filters]", "Write records: all of them ordered by id, or those of a search given as options (--forum DE --crime torture --q raslan ...). Standard output by default; xlsx needs --out."),
        ("stats", "ujdb stats [--measure M] [--year N] [--by DIM [--by DIM]] [--unit U] [--format csv|json|md] [search filters]", "Print one statistics table with its counting rule (with --year and no --measure, it counts developments)."),
        ("count", "ujdb count", "Print the number of records in the store."),
        ("reindex", "ujdb reindex", "Rebuild the search index from the store. With the embedded profile, stop the web app first (it holds the index); or delete data/index and restart the app, which rebuilds it."),
        ("sync", "ujdb sync [--retry-dead]", "Bring the search index up to date from the outbox (unless the running web app holds it and does so itself). With --retry-dead, first put the changes the index refused (dead letters) back into the outbox. Exit 1 while changes stay set aside."),
        ("verify", "ujdb verify", "Bring the search index up to date (unless the running web app holds it), then compare it with the store; exit 1 on any difference other than changes still waiting to be indexed, and while changes the index refused are set aside (listed with their errors)."),
        ("backup", "ujdb backup FILE", "Embedded profile: copy the store to a new FILE with SQLite's online backup, safe while the web app serves and writes; the copy is checked. The search index is not copied (restore rebuilds it)."),
        ("restore", "ujdb restore FILE", "Embedded profile: check FILE (a whole, readable store of this or an older version), keep the current store aside as ujdb.sqlite.before-restore-TIME, replace it with FILE and rebuild the search index. Refused while the web app runs."),
        ("generate", "ujdb generate --count N [--seed S] --out FILE", "Write N synthetic records (JSON Lines), marked synthetic, for scale tests."),
        ("history", "ujdb history ID", "Print every change editors made to a record, newest first: who, when, and each changed field before and after."),
        ("user", "ujdb user add NAME --role editor|admin [--password-stdin] | list | disable NAME | enable NAME | reset-password NAME [--password-stdin] | role NAME editor|admin", "Manage the editors' accounts (the first admin comes from here; there is no default account). Without --password-stdin, add and reset-password make a strong random password and print it once. A new password, role or disabling ends the account's sessions."),
    ];

    private const string Footer = """

        Search filters are the site's URL parameters as options: --forum DE --territory SY --crime torture --q raslan ...
        Files are JSON arrays or JSON Lines (interchange format v1.1, see docs/interchange-format.md).
        Environment: UJDB_DATA_DIR (default ./data), UJDB_PROFILE (Embedded, the default, or Server with
        UJDB_SQLSERVER and UJDB_ELASTICSEARCH),
        UJDB_PUBLIC_URL (the site's address used in exported links; default http://localhost:5080).
        Exit codes: 0 ok, 1 invalid data (nothing written) or index differences, 2 bad command line, 3 other failure.
        """;

    public static string Usage { get; } =
        "ujdb — the UjDatabase command line\n\nUsage:\n"
        + string.Join('\n', Commands.Select(c => $"  {c.Synopsis}\n      {c.Description}"))
        + "\n" + Footer;

    /// <summary>One command's help: its synopsis, what it does, and the common notes.</summary>
    public static string CommandUsage(string name)
    {
        var (_, synopsis, description) = Commands.Single(c => c.Name == name);
        return $"Usage: {synopsis}\n\n{description}\n{Footer}";
    }

    private static string PublicUrl(Func<string, string?> environment) => environment("UJDB_PUBLIC_URL") is { Length: > 0 } url ? url : "http://localhost:5080";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Func<string, string?> environment, Func<Stream>? standardOutput = null, TextReader? input = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            await (args.Length == 0 ? error : output).WriteLineAsync(Usage);
            return args.Length == 0 ? ExitCodes.Usage : ExitCodes.Ok;
        }

        var console = new CliConsole(output, error, standardOutput, input);
        if (Commands.Any(c => c.Name == args[0]) && args.Skip(1).Any(a => a is "-h" or "--help"))
        {
            await output.WriteLineAsync(CommandUsage(args[0]));
            return ExitCodes.Ok;
        }

        try
        {
            var rest = args[1..];
            if (args[0] == "generate")
            {
                return await GenerateCommand.RunAsync(rest, console);
            }

            // The one place in ujdb that chooses the profile's parts; disposing them lets go of the index's write lock.
            var settings = StorageSettings.Resolve(environment);
            if (args[0] is "backup" or "restore")
            {
                if (settings.Profile == StorageProfile.Server)
                {
                    await error.WriteLineAsync($"ujdb: {args[0]} works on the embedded profile's store; with the server profile, back up and restore SQL Server with its own tools and rebuild Elasticsearch with 'ujdb reindex' (see the README).");
                    return ExitCodes.Failure;
                }

                var embedded = EmbeddedProfile.Create(settings);
                using var parts = embedded.Parts;
                return args[0] == "backup"
                    ? await BackupCommand.RunAsync(rest, embedded, console)
                    : await RestoreCommand.RunAsync(rest, embedded, console, TimeProvider.System);
            }

            using var profile = settings.Profile == StorageProfile.Server
                ? ServerProfile.Create(ServerSettings.Resolve(environment), environment)
                : EmbeddedProfile.Create(settings).Parts;
            var store = profile.Store;
            return args[0] switch
            {
                "migrate" => await MigrateCommand.RunAsync(rest, store, console),
                "validate" => await ValidateCommand.RunAsync(rest, store, console),
                "import" => await ImportCommand.RunAsync(rest, profile, console),
                "export" => await ExportCommand.RunAsync(rest, profile, console, TimeProvider.System, PublicUrl(environment)),
                "stats" => await StatsCommand.RunAsync(rest, profile, console, TimeProvider.System, PublicUrl(environment)),
                "count" => await CountCommand.RunAsync(rest, store, console),
                "reindex" => await ReindexCommand.RunAsync(rest, profile, console),
                "verify" => await VerifyCommand.RunAsync(rest, profile, console),
                "sync" => await SyncCommand.RunAsync(rest, profile, console),
                "user" => await UserCommand.RunAsync(rest, profile, console, TimeProvider.System),
                "history" => await HistoryCommand.RunAsync(rest, profile, console),
                _ => await console.UsageErrorAsync($"unknown command '{args[0]}'"),
            };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or InvalidOperationException or SearchUnavailableException or StoreUnavailableException or System.Data.Common.DbException)
        {
            await error.WriteLineAsync($"ujdb: {ex.Message}");
            return ExitCodes.Failure;
        }
    }
}

/// <summary>Where commands write, and the shared way they report a bad command line.</summary>
public sealed class CliConsole(TextWriter output, TextWriter error, Func<Stream>? standardOutput = null, TextReader? input = null)
{
    public TextWriter Out { get; } = output;

    /// <summary>Standard input (a password given with --password-stdin); tests replace it.</summary>
    public TextReader In { get; } = input ?? Console.In;

    /// <summary>The raw standard output, for binary and byte-exact writes; tests replace it.</summary>
    public Stream OpenStandardOutput() => standardOutput?.Invoke() ?? Console.OpenStandardOutput();

    public TextWriter Error { get; } = error;

    public async Task<int> UsageErrorAsync(string message)
    {
        await Error.WriteLineAsync($"ujdb: {message}");
        await Error.WriteLineAsync("Run 'ujdb --help' for usage.");
        return ExitCodes.Usage;
    }

    /// <summary>Reads the FILE arguments of validate and import: null and an exit code when they are missing or absent.</summary>
    public async Task<(IReadOnlyList<string>? Files, int ExitCode)> FileArgumentsAsync(string[] args, string command)
    {
        var options = Commands.Options.Parse(args);
        if (options.Error is not null || options.Positional.Count == 0)
        {
            return (null, await UsageErrorAsync(options.Error ?? $"{command} needs at least one FILE"));
        }

        foreach (var file in options.Positional.Where(f => !File.Exists(f)))
        {
            await Error.WriteLineAsync($"ujdb: no such file: {file}");
            return (null, ExitCodes.Failure);
        }

        return (options.Positional, ExitCodes.Ok);
    }
}
