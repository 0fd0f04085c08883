namespace UjDatabase.Cli.Commands;

/// <summary>
/// Reads <c>--name value</c> pairs where the names are the search's URL parameters (<c>--forum DE --crime torture
/// --q raslan</c>), repeatable like in a URL, next to the command's own options.
/// </summary>
public sealed class SearchArguments
{
    public List<KeyValuePair<string, string>> Parameters { get; } = [];

    public Dictionary<string, string> Own { get; } = new(StringComparer.Ordinal);

    public string? Error { get; private set; }

    /// <summary>The search's parameter names, plus <c>by</c> and <c>unit</c> for statistics.</summary>
    public static IReadOnlySet<string> SearchNames { get; } = new HashSet<string>(
        Core.Search.FacetCatalogue.All.Select(f => f.Name).Concat(["q", "event", "from", "to", "measure", "year", "sort", "by", "unit"]),
        StringComparer.Ordinal);

    public static SearchArguments Parse(string[] args, params string[] ownOptions)
    {
        ArgumentNullException.ThrowIfNull(args);
        var result = new SearchArguments();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || args[i].Length < 3)
            {
                result.Error ??= $"unexpected argument '{args[i]}'";
                continue;
            }

            if (i + 1 >= args.Length)
            {
                result.Error ??= $"{args[i]} needs a value";
                continue;
            }

            var name = args[i][2..];
            var value = args[++i];
            if (ownOptions.Contains(args[i - 1]))
            {
                if (!result.Own.TryAdd(args[i - 1], value))
                {
                    result.Error ??= $"{args[i - 1]} is given twice";
                }
            }
            else if (!SearchNames.Contains(name))
            {
                result.Error ??= $"unknown option '--{name}'";
            }
            else
            {
                result.Parameters.Add(new(name, value));
            }
        }

        return result;
    }
}
