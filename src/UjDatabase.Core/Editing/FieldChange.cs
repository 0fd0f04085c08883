using System.Text.Json.Nodes;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Interchange;

namespace UjDatabase.Core.Editing;

/// <summary>One field of a record before and after a change, each as compact interchange JSON (null when absent).</summary>
public sealed record FieldChange(string Field, string? Before, string? After)
{
    /// <summary>For a list: the items the change added (in the after list, not the before), each as JSON.</summary>
    public IReadOnlyList<string> Added => Items(After).Except(Items(Before)).ToList();

    /// <summary>For a list: the items the change removed.</summary>
    public IReadOnlyList<string> Removed => Items(Before).Except(Items(After)).ToList();

    /// <summary>Whether the field is a list (then <see cref="Added"/> and <see cref="Removed"/> say what changed in it).</summary>
    public bool IsList => (Before ?? After) is { } json && json.StartsWith('[');

    private static IEnumerable<string> Items(string? json) =>
        json is not null && JsonNode.Parse(json) is JsonArray items ? items.Select(i => i?.ToJsonString(CaseJson.Options) ?? "null") : [];
}

/// <summary>
/// What differs between two versions of a record, field by field in the interchange format: the top-level fields,
/// and the fields of the accused and the forum one by one (a new alias is "accused.aliases", not all of "accused").
/// </summary>
public static class FieldChanges
{
    private static readonly string[] Opened = ["accused", "forum"];

    public static IReadOnlyList<FieldChange> Between(CaseRecord? before, CaseRecord after)
    {
        ArgumentNullException.ThrowIfNull(after);
        return Between(before is null ? null : CaseJson.Serialize(before), CaseJson.Serialize(after));
    }

    public static IReadOnlyList<FieldChange> Between(string? beforeJson, string afterJson)
    {
        var before = beforeJson is null ? new JsonObject() : JsonNode.Parse(beforeJson)!.AsObject();
        var after = JsonNode.Parse(afterJson)!.AsObject();
        var changes = new List<FieldChange>();
        Compare(string.Empty, before, after, changes);
        return changes;
    }

    private static void Compare(string prefix, JsonObject before, JsonObject after, List<FieldChange> changes)
    {
        foreach (var name in before.Select(p => p.Key).Union(after.Select(p => p.Key), StringComparer.Ordinal))
        {
            var old = before[name];
            var now = after[name];
            if (JsonNode.DeepEquals(old, now))
            {
                continue;
            }

            if (prefix.Length == 0 && Opened.Contains(name) && old is JsonObject oldObject && now is JsonObject newObject)
            {
                Compare(name + ".", oldObject, newObject, changes);
                continue;
            }

            changes.Add(new FieldChange(prefix + name, Text(old), Text(now)));
        }
    }

    private static string? Text(JsonNode? node) => node is null ? null : node.ToJsonString(CaseJson.Options);
}
