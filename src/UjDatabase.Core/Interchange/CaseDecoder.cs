using System.Text.Json;
using System.Text.Json.Nodes;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Validation;

namespace UjDatabase.Core.Interchange;

/// <summary>
/// The outcome of reading one JSON record: every problem found, the record when it is valid, and whatever could be
/// read of it when it is not (so that batch checks such as duplicate ids still see it).
/// </summary>
public sealed record DecodedCase(CaseRecord? Parsed, IReadOnlyList<ValidationProblem> Problems)
{
    public bool IsValid => Parsed is not null && Problems.Count == 0;

    /// <summary>The record, only when it is valid.</summary>
    public CaseRecord? Record => IsValid ? Parsed : null;
}

/// <summary>Turns one JSON record into a validated <see cref="CaseRecord"/>, reporting shape and content problems together.</summary>
public static class CaseDecoder
{
    /// <summary>Fields the record cannot be read without: the model's required properties.</summary>
    private static readonly HashSet<string> Required = CaseJson.Options.GetTypeInfo(typeof(CaseRecord)).Properties
        .Where(p => p.IsRequired).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Decodes an item of a file. A line of JSON Lines is first read straight from its text by the strict deserializer;
    /// only a record it refuses goes through the element-by-element shape check, which names every problem.
    /// </summary>
    public static DecodedCase? Decode(FileItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Utf8 is { } utf8 && CaseJson.TryDeserializeStrict(utf8.Span) is { } record)
        {
            return new(record, WithLine(CaseValidator.Validate(record), item.Line));
        }

        return item.Json is { } json ? Decode(json, item.Line) : null;
    }

    public static DecodedCase Decode(JsonElement json, int? line = null)
    {
        var shape = JsonShape.Check(json);
        if (shape.Count == 0)
        {
            var record = CaseJson.Deserialize(json);
            var problems = CaseValidator.Validate(record);
            return new(record, WithLine(problems, line));
        }

        var shapeProblems = shape.Select(p => p.Problem).ToList();

        // So that one pass reports everything, blank out each badly shaped value and check the content of the rest,
        // leaving out what the blanking itself causes ("is required" where a malformed date was removed).
        var blanked = new List<string>();
        CaseRecord? partial;
        try
        {
            partial = JsonNode.Parse(json.GetRawText()) is JsonObject root && TryBlank(root, shape, blanked)
                ? root.Deserialize<CaseRecord>(CaseJson.Options)
                : null;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            partial = null;
        }

        if (partial is null)
        {
            return new(null, WithLine(shapeProblems, line));
        }

        var content = CaseValidator.Validate(partial)
            .Where(p => !blanked.Any(b => p.Path == b || p.Path.StartsWith(b + ".", StringComparison.Ordinal) || p.Path.StartsWith(b + "[", StringComparison.Ordinal)));
        return new(partial, WithLine(shapeProblems.Concat(content), line));
    }

    private static List<ValidationProblem> WithLine(IEnumerable<ValidationProblem> problems, int? line) =>
        problems.Select(p => p.WithLine(line)).ToList();

    /// <summary>Removes or nulls the value at each problem's path; false when a required field is missing or broken.</summary>
    private static bool TryBlank(JsonObject root, IEnumerable<ShapeProblem> problems, List<string> blanked)
    {
        foreach (var (problem, issue) in problems)
        {
            // Blank the innermost named property: an array item cannot be removed without renumbering its neighbours.
            var path = problem.Path;
            while (path.EndsWith(']'))
            {
                path = path[..path.LastIndexOf('[')];
            }

            if (path.Length == 0 || Required.Contains(path))
            {
                return false;
            }

            var dot = path.LastIndexOf('.');
            if (Navigate(root, dot < 0 ? string.Empty : path[..dot]) is not JsonObject parent)
            {
                continue;
            }

            var name = path[(dot + 1)..];
            if (issue is ShapeIssue.UnknownField or ShapeIssue.Duplicate)
            {
                parent.Remove(name);
            }
            else
            {
                parent[name] = null;
            }

            blanked.Add(path);
        }

        return true;
    }

    private static JsonNode? Navigate(JsonNode node, string path)
    {
        if (path.Length == 0)
        {
            return node;
        }

        JsonNode? current = node;
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            current = current?[bracket < 0 ? part : part[..bracket]];
            for (var rest = bracket < 0 ? string.Empty : part[bracket..]; rest.Length > 0 && current is JsonArray array;)
            {
                var close = rest.IndexOf(']', StringComparison.Ordinal);
                current = array[int.Parse(rest[1..close], System.Globalization.CultureInfo.InvariantCulture)];
                rest = rest[(close + 1)..];
            }
        }

        return current;
    }
}
