using System.Reflection;

namespace UjDatabase.Core.Storage;

/// <summary>Reads SQL files compiled into an assembly as embedded resources (migrations, statements).</summary>
public static class SqlResources
{
    /// <summary>One <c>.sql</c> resource, by its whole name; a missing one is a build mistake, named.</summary>
    public static string LoadOne(Assembly assembly, string resourceName)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"{resourceName} is not compiled into {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Every <c>.sql</c> resource whose name starts with <paramref name="prefix"/>, by file name, in name order.</summary>
    public static IReadOnlyList<(string Name, string Sql)> Load(Assembly assembly, string prefix)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return (n[prefix.Length..^4], reader.ReadToEnd());
            })
            .ToList();
    }
}
