namespace UjDatabase.Cli.Commands;

/// <summary>A tiny parser for <c>--name value</c> options and positional arguments; no more is needed here.</summary>
public sealed class Options
{
    private readonly Dictionary<string, string> named = new(StringComparer.Ordinal);

    private Options()
    {
    }

    public List<string> Positional { get; } = [];

    public string? Error { get; private set; }

    public static Options Parse(string[] args, params string[] allowed)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                options.Positional.Add(arg);
            }
            else if (!allowed.Contains(arg))
            {
                options.Error ??= $"unknown option '{arg}'";
            }
            else if (i + 1 >= args.Length)
            {
                options.Error ??= $"{arg} needs a value";
            }
            else if (!options.named.TryAdd(arg, args[++i]))
            {
                options.Error ??= $"{arg} is given twice";
            }
        }

        return options;
    }

    public string? Get(string name) => named.GetValueOrDefault(name);
}
