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
        new Checker(id, problems).Value(record, TypeShape.Of(typeof(CaseRecord)), nullable: false);
        return problems;
    }

    /// <summary>What kind of JSON value a model type takes, worked out once per type.</summary>
    private enum Kind
    {
        String,
        Number,
        WholeNumber,
        Boolean,
        Date,
        List,
        Object,
    }

    /// <summary>A model type's shape: its kind, a list's item shape, an object's fields. Cached: a large import checks a million records.</summary>
    private sealed class TypeShape
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, TypeShape> Cache = new();

        private TypeShape(Type type)
        {
            var underlying = Nullable.GetUnderlyingType(type) ?? type;
            Kind = underlying == typeof(string) ? Kind.String
                : underlying == typeof(double) ? Kind.Number
                : underlying == typeof(int) ? Kind.WholeNumber
                : underlying == typeof(bool) ? Kind.Boolean
                : underlying == typeof(PartialDate) ? Kind.Date
                : IsList(underlying) ? Kind.List
                : Kind.Object;
            ItemType = Kind == Kind.List ? underlying.GetGenericArguments()[0] : null;
            Info = Kind == Kind.Object ? CaseJson.Options.GetTypeInfo(underlying) : null;
            Fields = Info?.Properties.Select((p, i) => (p, i)).ToDictionary(f => f.p.Name, f => (f.p, f.i), StringComparer.Ordinal) ?? [];
            if (Fields.Count > 64)
            {
                throw new InvalidOperationException($"{underlying.Name} has more than 64 fields; the shape check marks the fields it has seen in 64 bits.");
            }
        }

        public Kind Kind { get; }

        public Type? ItemType { get; }

        public JsonTypeInfo? Info { get; }

        /// <summary>Each field and its position, which marks it as seen.</summary>
        public Dictionary<string, (JsonPropertyInfo Info, int Index)> Fields { get; }

        public static TypeShape Of(Type type) => Cache.GetOrAdd(type, t => new TypeShape(t));
    }

    /// <summary>Walks one record, keeping the path as a stack and spelling it out only for a problem.</summary>
    private sealed class Checker(string? id, List<ShapeProblem> problems)
    {
        private readonly List<object> path = [];

        public void Value(JsonElement element, TypeShape shape, bool nullable)
        {
            if (element.ValueKind == JsonValueKind.Null)
            {
                if (!nullable)
                {
                    Add(null, "null", "must not be null", ShapeIssue.BadValue);
                }

                return;
            }

            switch (shape.Kind)
            {
                case Kind.String:
                    Expect(element, JsonValueKind.String, "a string");
                    break;
                case Kind.Number:
                    Expect(element, JsonValueKind.Number, "a number");
                    break;
                case Kind.WholeNumber:
                    if (Expect(element, JsonValueKind.Number, "a whole number") && !element.TryGetInt32(out _))
                    {
                        Add(null, Show(element), "must be a whole number", ShapeIssue.BadValue);
                    }

                    break;
                case Kind.Boolean:
                    if (element.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    {
                        Add(null, Show(element), "must be true or false", ShapeIssue.BadValue);
                    }

                    break;
                case Kind.Date:
                    if (element.ValueKind != JsonValueKind.String || !PartialDate.TryParse(element.GetString(), out _))
                    {
                        Add(null, Show(element), "is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD", ShapeIssue.BadValue);
                    }

                    break;
                case Kind.List:
                    if (Expect(element, JsonValueKind.Array, "an array"))
                    {
                        var item = TypeShape.Of(shape.ItemType!);
                        var index = 0;
                        foreach (var value in element.EnumerateArray())
                        {
                            path.Add(index++);
                            Value(value, item, nullable: false);
                            path.RemoveAt(path.Count - 1);
                        }
                    }

                    break;
                default:
                    if (Expect(element, JsonValueKind.Object, "an object"))
                    {
                        Object(element, shape);
                    }

                    break;
            }
        }

        private void Object(JsonElement element, TypeShape shape)
        {
            var seen = 0UL;
            foreach (var property in element.EnumerateObject())
            {
                if (!shape.Fields.TryGetValue(property.Name, out var field))
                {
                    var known = string.Join(", ", shape.Info!.Properties.Select(p => p.Name));
                    Add(property.Name, null, $"is not a field of the format (known fields here: {known})", ShapeIssue.UnknownField);
                    continue;
                }

                var (info, index) = field;
                if ((seen & (1UL << index)) != 0)
                {
                    Add(property.Name, null, "appears twice", ShapeIssue.Duplicate);
                    continue;
                }

                seen |= 1UL << index;

                path.Add(property.Name);
                // A null list is allowed: it reads as an empty list (nothing recorded).
                Value(property.Value, TypeShape.Of(info.PropertyType), info.IsSetNullable || IsList(info.PropertyType));
                path.RemoveAt(path.Count - 1);
            }

            foreach (var (info, index) in shape.Fields.Values)
            {
                if (info.IsRequired && (seen & (1UL << index)) == 0)
                {
                    Add(info.Name, null, "is required", ShapeIssue.Missing);
                }
            }
        }

        private bool Expect(JsonElement element, JsonValueKind kind, string what)
        {
            if (element.ValueKind == kind)
            {
                return true;
            }

            Add(null, Show(element), $"must be {what}", ShapeIssue.BadValue);
            return false;
        }

        /// <summary>Records a problem at the current path, or at its field <paramref name="field"/>.</summary>
        private void Add(string? field, string? value, string message, ShapeIssue issue)
        {
            var text = new System.Text.StringBuilder();
            foreach (var part in field is null ? path : path.Append(field))
            {
                if (part is int index)
                {
                    text.Append('[').Append(index.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(']');
                }
                else
                {
                    text.Append(text.Length == 0 ? string.Empty : ".").Append((string)part);
                }
            }

            problems.Add(new(new(id, null, text.ToString(), value, message), issue));
        }
    }

    private static bool IsList(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>);

    private static string Show(JsonElement element)
    {
        var text = element.GetRawText();
        return text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");
    }
}
