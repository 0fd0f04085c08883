using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using UjDatabase.Core.Cases;

namespace UjDatabase.Core.Interchange;

/// <summary>The System.Text.Json settings of the interchange format, shared by every reader and writer.</summary>
public static class CaseJson
{
    /// <summary>Compact settings: snake_case names, every field written (nulls included), lists never null.</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    /// <summary>The same settings, indented with two spaces and LF line ends (export files, seed data).</summary>
    public static JsonSerializerOptions IndentedOptions { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions { WriteIndented = indented };
        Apply(options);
        options.MakeReadOnly();
        return options;
    }

    /// <summary>Gives <paramref name="options"/> the settings of the format (the web API's JSON uses them too).</summary>
    public static void Apply(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        // Export files are data, never embedded in HTML, so accented names stay readable ("Habré", not "Habr\u00e9").
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.IndentSize = 2;
        options.NewLine = "\n";
        options.TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitEmptyAdditions } };
        options.Converters.Add(new NullAsEmptyListConverterFactory());
    }

    /// <summary>Leaves v1.1 fields out when they hold nothing, so that v1 files are written back byte for byte.</summary>
    private static void OmitEmptyAdditions(JsonTypeInfo typeInfo)
    {
        foreach (var property in typeInfo.Properties)
        {
            if (property.AttributeProvider?.IsDefined(typeof(OmitWhenEmptyAttribute), inherit: false) == true)
            {
                property.ShouldSerialize = static (_, value) => value is not null && value is not System.Collections.ICollection { Count: 0 };
            }
        }
    }

    public static string Serialize(CaseRecord record, bool indented = false) =>
        JsonSerializer.Serialize(record, indented ? IndentedOptions : Options);

    /// <summary>The record's metadata, looked up once: a lookup per call was a measurable part of a large import.</summary>
    private static readonly JsonTypeInfo<CaseRecord> RecordInfo = (JsonTypeInfo<CaseRecord>)Options.GetTypeInfo(typeof(CaseRecord));

    /// <summary>
    /// The record's metadata under settings that refuse everything <see cref="JsonShape"/> reports (unknown and
    /// duplicate fields, nulls where none is allowed, missing required fields, wrong types, malformed dates), so that
    /// a record they read needs no shape check.
    /// </summary>
    private static readonly JsonTypeInfo<CaseRecord> StrictRecordInfo = (JsonTypeInfo<CaseRecord>)CreateStrict().GetTypeInfo(typeof(CaseRecord));

    private static JsonSerializerOptions CreateStrict()
    {
        var options = new JsonSerializerOptions(Options)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            AllowDuplicateProperties = false,
            RespectNullableAnnotations = true,
        };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>Reads a record from UTF-8 text with the strict settings; null when anything in it is not of the format's shape.</summary>
    public static CaseRecord? TryDeserializeStrict(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return JsonSerializer.Deserialize(utf8, StrictRecordInfo);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Deserialises UTF-8 text that has already been accepted.</summary>
    public static CaseRecord Deserialize(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize(utf8, RecordInfo) ?? throw new JsonException("A record must be an object, not null.");

    /// <summary>Deserialises an element that <see cref="JsonShape"/> has already accepted.</summary>
    public static CaseRecord Deserialize(JsonElement element) =>
        element.Deserialize(RecordInfo) ?? throw new JsonException("A record must be an object, not null.");
}

/// <summary>Reads a JSON <c>null</c> list as an empty list, because in the format both mean "nothing recorded".</summary>
internal sealed class NullAsEmptyListConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(IReadOnlyList<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(
            typeof(NullAsEmptyListConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class NullAsEmptyListConverter<T> : JsonConverter<IReadOnlyList<T>>
    {
        private JsonTypeInfo<List<T>>? listInfo;

        public override bool HandleNull => true;

        public override IReadOnlyList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return [];
            }

            // The list's metadata once per converter (one converter per options and item type), not per value.
            listInfo ??= (JsonTypeInfo<List<T>>)options.GetTypeInfo(typeof(List<T>));
            var list = JsonSerializer.Deserialize(ref reader, listInfo) ?? [];

            // A null item is never allowed (the shape check reports it), whatever the settings say of nulls.
            return list.Contains(default!) && default(T) is null
                ? throw new JsonException("A list item must not be null.")
                : list;
        }

        public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            foreach (var item in value ?? [])
            {
                JsonSerializer.Serialize(writer, item, options);
            }

            writer.WriteEndArray();
        }
    }
}
