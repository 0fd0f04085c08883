namespace UjDatabase.Cli.Commands;

/// <summary>
/// The one command-line parser of ujdb: <c>--name value</c> options, positional arguments, and (for the commands
/// that take a search) the search's URL parameters as options (<c>--forum DE --crime torture --q raslan</c>),
/// repeatable like in a URL.
/// </summary>
public sealed class Options
{
    private readonly Dictionary<string, string> named = new(StringComparer.Ordinal);

    private Options()
    {
    }

    /// <summary>The search's parameter names, plus <c>by</c> and <c>unit</c> for statistics.</summary>
    public static IReadOnlySet<string> SearchNames { get; } = new HashSet<string>(
        Core.Search.QueryParameters.Search.Concat(Core.Search.QueryParameters.Statistics).Select(p => p.Name).Where(n => n is not ("page" or "size")),
        StringComparer.Ordinal);

    public List<string> Positional { get; } = [];

    /// <summary>The search parameters given, in order, when the command takes a search.</summary>
    public List<KeyValuePair<string, string>> Search { get; } = [];

    public string? Error { get; private set; }

    public static Options Parse(string[] args, params string[] allowed) => Parse(args, takesSearch: false, allowed);

    public static Options Parse(string[] args, bool takesSearch, params string[] allowed)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            var isSearch = takesSearch && arg.StartsWith("--", StringComparison.Ordinal) && SearchNames.Contains(arg[2..]);
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                options.Positional.Add(arg);
            }
            else if (!allowed.Contains(arg) && !isSearch)
            {
                options.Error ??= $"unknown option '{arg}'";
            }
            else if (i + 1 >= args.Length)
            {
                options.Error ??= $"{arg} needs a value";
            }
            else if (isSearch)
            {
                options.Search.Add(new(arg[2..], args[++i]));
            }
            else if (!options.named.TryAdd(arg, args[++i]))
            {
                options.Error ??= $"{arg} is given twice";
            }
        }

        return options;
    }

    public string? Get(string name) => named.GetValueOrDefault(name);

    /// <summary>Whether a FILE argument is a usable file name: not blank, and no control character (a NUL the system refuses, the others make files no one can type).</summary>
    public static bool IsFileName(string value) => !string.IsNullOrWhiteSpace(value) && !value.Any(char.IsControl);
}
