using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Validation;

namespace UjDatabase.Core.Interchange;

/// <summary>What is wrong with the shape of a value: decides how the decoder sets it aside to check the rest.</summary>
public enum ShapeIssue
{
    /// <summary>A field the format does not have.</summary>
    UnknownField,

    /// <summary>A field given twice.</summary>
    Duplicate,

    /// <summary>A required field that is absent.</summary>
    Missing,

    /// <summary>A value of the wrong JSON type, a null where none is allowed, or a malformed date.</summary>
    BadValue,
}

/// <summary>A shape problem and its kind.</summary>
public sealed record ShapeProblem(ValidationProblem Problem, ShapeIssue Issue);

/// <summary>
/// Checks a JSON record against the shape of <see cref="CaseRecord"/> before deserialising it, so that every unknown
/// field, wrong JSON type, missing required field and malformed date is reported at once with its path, where the
/// serializer would stop at the first.
/// </summary>
/// <remarks>The field names come from the serializer's own metadata, so the model is the single statement of the shape.</remarks>
public static class JsonShape
{
    public static List<ShapeProblem> Check(JsonElement record)
    {
        var problems = new List<ShapeProblem>();
        var id = record.ValueKind == JsonValueKind.Object && record.TryGetProperty("id", out var idElement)
            && idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : null;
        CheckValue(record, typeof(CaseRecord), string.Empty, nullable: false, id, problems);
        return problems;
    }

    private static void CheckValue(JsonElement element, Type type, string path, bool nullable, string? id, List<ShapeProblem> problems)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (element.ValueKind == JsonValueKind.Null)
        {
            if (!nullable)
            {
                problems.Add(new(new(id, null, path, "null", "must not be null"), ShapeIssue.BadValue));
            }

            return;
        }

        if (underlying == typeof(string))
        {
            Expect(element, JsonValueKind.String, "a string", path, id, problems);
        }
        else if (underlying == typeof(double))
        {
            Expect(element, JsonValueKind.Number, "a number", path, id, problems);
        }
        else if (underlying == typeof(int))
        {
            if (Expect(element, JsonValueKind.Number, "a whole number", path, id, problems) && !element.TryGetInt32(out _))
            {
                problems.Add(new(new(id, null, path, Show(element), "must be a whole number"), ShapeIssue.BadValue));
            }
        }
        else if (underlying == typeof(bool))
        {
            if (element.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                problems.Add(new(new(id, null, path, Show(element), "must be true or false"), ShapeIssue.BadValue));
            }
        }
        else if (underlying == typeof(PartialDate))
        {
            if (element.ValueKind != JsonValueKind.String || !PartialDate.TryParse(element.GetString(), out _))
            {
                problems.Add(new(new(id, null, path, Show(element), "is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"), ShapeIssue.BadValue));
            }
        }
        else if (IsList(underlying))
        {
            if (Expect(element, JsonValueKind.Array, "an array", path, id, problems))
            {
                var itemType = underlying.GetGenericArguments()[0];
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    CheckValue(item, itemType, $"{path}[{index++}]", nullable: false, id, problems);
                }
            }
        }
        else if (Expect(element, JsonValueKind.Object, "an object", path, id, problems))
        {
            CheckObject(element, CaseJson.Options.GetTypeInfo(underlying), path, id, problems);
        }
    }

    private static void CheckObject(JsonElement element, JsonTypeInfo typeInfo, string path, string? id, List<ShapeProblem> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var childPath = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
            var info = typeInfo.Properties.FirstOrDefault(p => p.Name == property.Name);
            if (info is null)
            {
                var known = string.Join(", ", typeInfo.Properties.Select(p => p.Name));
                problems.Add(new(new(id, null, childPath, null, $"is not a field of the format (known fields here: {known})"), ShapeIssue.UnknownField));
            }
            else if (!seen.Add(property.Name))
            {
                problems.Add(new(new(id, null, childPath, null, "appears twice"), ShapeIssue.Duplicate));
            }
            else
            {
                // A null list is allowed: it reads as an empty list (nothing recorded).
                CheckValue(property.Value, info.PropertyType, childPath, info.IsSetNullable || IsList(info.PropertyType), id, problems);
            }
        }

        foreach (var required in typeInfo.Properties.Where(p => p.IsRequired && !seen.Contains(p.Name)))
        {
            problems.Add(new(new(id, null, path.Length == 0 ? required.Name : $"{path}.{required.Name}", null, "is required"), ShapeIssue.Missing));
        }
    }

    private static bool IsList(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>);

    private static bool Expect(JsonElement element, JsonValueKind kind, string what, string path, string? id, List<ShapeProblem> problems)
    {
        if (element.ValueKind == kind)
        {
            return true;
        }

        problems.Add(new(new(id, null, path, Show(element), $"must be {what}"), ShapeIssue.BadValue));
        return false;
    }

    private static string Show(JsonElement element)
    {
        var text = element.GetRawText();
        return text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");
    }
}
