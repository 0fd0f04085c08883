using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Interchange;

namespace UjDatabase.Core.Editing;

/// <summary>
/// A whole record as an editor enters it: the text of every field of <see cref="RecordFields"/> by its name (lists as
/// one text, items on their own lines), whether the record was checked against its sources today, and the version and
/// record the editor started from (no version: a new record).
/// </summary>
public sealed partial record RecordForm
{
    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The stored version the editor started from; null for a new record.</summary>
    public long? Version { get; init; }

    /// <summary>The record as the editor saw it (interchange JSON), to merge with what someone else changed meanwhile.</summary>
    public string? BaseJson { get; init; }

    /// <summary>The editor checked the whole record against its sources today: its "last checked" date becomes today.</summary>
    public bool Checked { get; init; }

    /// <summary>The day of that check, kept with a draft (never read from a post): publishing the draft later keeps it.</summary>
    public PartialDate? CheckedOn { get; init; }

    /// <summary>The text of a field ("" when it holds nothing).</summary>
    public string Value(string name) => Values.GetValueOrDefault(name) ?? string.Empty;

    /// <summary>How many rows a list has (rows are numbered from 0 without gaps).</summary>
    public int Rows(string list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var rows = 0;
        foreach (var name in Values.Keys)
        {
            if (name.Length > list.Length + 1 && name.StartsWith(list, StringComparison.Ordinal) && name[list.Length] == '['
                && name.IndexOf(']', list.Length) is var close and > 0
                && int.TryParse(name.AsSpan(list.Length + 1, close - list.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var row))
            {
                rows = Math.Max(rows, row + 1);
            }
        }

        return rows;
    }

    public static string RowPrefix(string list, int row) => $"{list}[{row.ToString(CultureInfo.InvariantCulture)}].";

    [GeneratedRegex(@"^([a-z_]+)\[([0-9]{1,9})\]\.([a-z_]+)$")]
    private static partial Regex RowField();

    /// <summary>The name a posted row's "remove this row" box has (<c>charges[3].remove</c>).</summary>
    public const string RemoveField = "remove";

    /// <summary>The form filled in with a stored record.</summary>
    public static RecordForm From(CaseRecord record, long? version)
    {
        ArgumentNullException.ThrowIfNull(record);
        var json = CaseJson.Serialize(record);
        var root = JsonNode.Parse(json)!.AsObject();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in RecordFields.Groups)
        {
            if (group.IsRows)
            {
                var rows = root[group.List!] as JsonArray ?? [];
                for (var i = 0; i < rows.Count; i++)
                {
                    foreach (var field in group.Fields)
                    {
                        Put(values, RowPrefix(group.List!, i) + field.Name, field, rows[i]?[field.Name]);
                    }
                }
            }
            else
            {
                foreach (var field in group.Fields)
                {
                    Put(values, field.Name, field, At(root, field.Name));
                }
            }
        }

        return new RecordForm { Values = values, Version = version, BaseJson = json };
    }

    /// <summary>
    /// The form as posted: only the form's own fields are kept (anything else posted is not part of it); rows left
    /// blank or marked for removal are dropped and the rest numbered again from 0 in the order of
    /// their numbers; several values of one field (ticked boxes) become one text, a line each.
    /// </summary>
    /// <returns>The form, or null with <paramref name="problem"/> when it has more rows than any record could.</returns>
    public static RecordForm? FromPosted(IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> posted, long? version, string? baseJson, bool isChecked, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(posted);
        problem = null;
        var plain = RecordFields.Groups.Where(g => !g.IsRows).SelectMany(g => g.Fields).ToDictionary(f => f.Name, StringComparer.Ordinal);
        var lists = RecordFields.Groups.Where(g => g.IsRows).ToDictionary(g => g.List!, StringComparer.Ordinal);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var rows = new Dictionary<(string List, long Index), Dictionary<string, string>>();
        foreach (var (name, texts) in posted)
        {
            var text = string.Join('\n', texts.Where(t => !string.IsNullOrWhiteSpace(t)).Select(Clean));
            if (plain.ContainsKey(name))
            {
                values[name] = text;
            }
            else if (RowField().Match(name) is { Success: true } match && lists.TryGetValue(match.Groups[1].Value, out var group)
                && (match.Groups[3].Value == RemoveField || group.Fields.Any(f => f.Name == match.Groups[3].Value)))
            {
                var key = (group.List!, long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
                if (!rows.TryGetValue(key, out var row))
                {
                    rows[key] = row = new Dictionary<string, string>(StringComparer.Ordinal);
                }

                row[match.Groups[3].Value] = text;
            }
        }

        foreach (var list in lists.Keys)
        {
            var kept = rows.Where(r => r.Key.List == list).OrderBy(r => r.Key.Index).Select(r => r.Value)
                .Where(r => !r.ContainsKey(RemoveField) && r.Values.Any(v => v.Length > 0)).ToList();
            if (kept.Count > RecordFields.MaxRows)
            {
                problem = $"The form has {kept.Count.ToString(CultureInfo.InvariantCulture)} rows of {list}; a record may have at most {RecordFields.MaxRows.ToString(CultureInfo.InvariantCulture)}.";
                return null;
            }

            for (var i = 0; i < kept.Count; i++)
            {
                foreach (var (field, text) in kept[i])
                {
                    values[RowPrefix(list, i) + field] = text;
                }
            }
        }

        return new RecordForm { Values = values, Version = version, BaseJson = baseJson, Checked = isChecked };
    }

    /// <summary>
    /// The record's JSON: <paramref name="start"/> (the stored record, or nothing for a new one) with every field of
    /// the form written over it, so that what the form does not show (the "last checked" date) is kept. Values that
    /// are not of their field's type (a number that is no number) are written as text, for the shape check to name.
    /// </summary>
    public JsonObject ToJson(CaseRecord? start)
    {
        var root = start is null ? new JsonObject() : JsonNode.Parse(CaseJson.Serialize(start))!.AsObject();
        foreach (var group in RecordFields.Groups)
        {
            if (group.IsRows)
            {
                var rows = new JsonArray();
                var count = Rows(group.List!);
                for (var i = 0; i < count; i++)
                {
                    var row = new JsonObject();
                    foreach (var field in group.Fields)
                    {
                        row[field.Name] = Node(field, Value(RowPrefix(group.List!, i) + field.Name));
                    }

                    rows.Add(row);
                }

                root[group.List!] = rows;
            }
            else
            {
                foreach (var field in group.Fields)
                {
                    Set(root, field.Name, Node(field, Value(field.Name)));
                }
            }
        }

        foreach (var name in RecordFields.OptionalObjects)
        {
            if (root[name] is JsonObject part && part.All(p => p.Value is null || p.Value is JsonArray { Count: 0 }))
            {
                root[name] = null;
            }
        }

        return root;
    }

    /// <summary>
    /// Merges an editor's entries with what someone else changed since the editor opened the form: each field takes
    /// the change of whoever changed it, and where both changed it differently the editor's entry stays in the form and
    /// the field is named in <paramref name="clashes"/> with the other value. A list of rows both changed keeps the
    /// other's rows, less those the editor removed or changed, plus the editor's new and changed rows, so that two
    /// editors who each add an event keep both; it is named as a clash when the editor changed or removed a row the
    /// other changed or removed too.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Merge(RecordForm seen, RecordForm theirs, RecordForm yours, out Dictionary<string, string> clashes)
    {
        ArgumentNullException.ThrowIfNull(seen);
        ArgumentNullException.ThrowIfNull(theirs);
        ArgumentNullException.ThrowIfNull(yours);
        clashes = new Dictionary<string, string>(StringComparer.Ordinal);
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var unit in Units())
        {
            var (s, t, y) = (seen.Unit(unit), theirs.Unit(unit), yours.Unit(unit));
            var take = Same(y, s) ? t : y;
            if (!Same(y, s) && !Same(t, s) && !Same(t, y))
            {
                if (unit.IsRows)
                {
                    take = MergeRows(unit.Name, seen, theirs, yours, out var lost);
                    if (lost)
                    {
                        clashes[unit.Name] = "rows changed";
                    }
                }
                else
                {
                    clashes[unit.Name] = t.GetValueOrDefault(unit.Name) ?? string.Empty;
                }
            }

            foreach (var (name, text) in take)
            {
                merged[name] = text;
            }
        }

        return merged;
    }

    /// <summary>Their rows less the rows you removed or changed, then your new and changed rows; <paramref name="clash"/> when a row you removed or changed is no longer there as you saw it.</summary>
    private static Dictionary<string, string> MergeRows(string list, RecordForm seen, RecordForm theirs, RecordForm yours, out bool clash)
    {
        var fields = RecordFields.Groups.Single(g => g.List == list).Fields;
        string Content(RecordForm form, int row) => string.Join('\u001f', fields.Select(f => form.Value(RowPrefix(list, row) + f.Name)));
        List<string> Contents(RecordForm form) => Enumerable.Range(0, form.Rows(list)).Select(row => Content(form, row)).ToList();

        var seenRows = Contents(seen);
        var yourRows = Contents(yours);
        var removed = seenRows.ToList();
        var added = new List<int>();
        for (var row = 0; row < yourRows.Count; row++)
        {
            if (!removed.Remove(yourRows[row]))
            {
                added.Add(row);
            }
        }

        var kept = new List<(RecordForm Form, int Row)>();
        var theirRows = Contents(theirs);
        for (var row = 0; row < theirRows.Count; row++)
        {
            if (!removed.Remove(theirRows[row]))
            {
                kept.Add((theirs, row));
            }
        }

        clash = removed.Count > 0;
        kept.AddRange(added.Select(row => (yours, row)));
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < kept.Count; i++)
        {
            foreach (var field in fields)
            {
                if (kept[i].Form.Value(RowPrefix(list, kept[i].Row) + field.Name) is { Length: > 0 } text)
                {
                    merged[RowPrefix(list, i) + field.Name] = text;
                }
            }
        }

        return merged;
    }

    private static IEnumerable<(string Name, bool IsRows)> Units() =>
        RecordFields.Groups.SelectMany(g => g.IsRows ? [(g.List!, true)] : g.Fields.Select(f => (f.Name, false)));

    private Dictionary<string, string> Unit((string Name, bool IsRows) unit) =>
        unit.IsRows
            ? Values.Where(v => v.Key.StartsWith(unit.Name + "[", StringComparison.Ordinal) && v.Value.Length > 0).ToDictionary(StringComparer.Ordinal)
            : Values.Where(v => v.Key == unit.Name && v.Value.Length > 0).ToDictionary(StringComparer.Ordinal);

    private static bool Same(Dictionary<string, string> a, Dictionary<string, string> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var other) && other == p.Value);

    private static string Clean(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();

    private static void Put(Dictionary<string, string> values, string name, FormField field, JsonNode? node)
    {
        var text = node switch
        {
            null => null,
            JsonArray items => string.Join(field.Kind == FieldKind.Countries ? ", " : "\n", items.Select(i => i?.GetValue<string>())),
            JsonValue value when value.TryGetValue<bool>(out var yes) => yes ? "yes" : "no",
            JsonValue value when value.TryGetValue<string>(out var s) => s,
            _ => node.ToJsonString(),
        };
        if (!string.IsNullOrEmpty(text))
        {
            values[name] = text;
        }
    }

    /// <summary>A field's text as the JSON value the format wants.</summary>
    private static JsonNode? Node(FormField field, string text)
    {
        if (field.IsList)
        {
            var items = field.Kind == FieldKind.Countries
                ? text.Split([',', ' ', '\n', '\t', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.ToUpperInvariant())
                : text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return new JsonArray(items.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());
        }

        if (text.Length == 0)
        {
            return null;
        }

        return field.Kind switch
        {
            FieldKind.Country => JsonValue.Create(text.ToUpperInvariant()),
            FieldKind.Number when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) => JsonValue.Create(number),
            FieldKind.WholeNumber when int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) => JsonValue.Create(whole),
            FieldKind.YesNo when text == "yes" => JsonValue.Create(true),
            FieldKind.YesNo when text == "no" => JsonValue.Create(false),
            _ => JsonValue.Create(text),
        };
    }

    private static JsonNode? At(JsonObject root, string path)
    {
        JsonNode? node = root;
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject o ? o[part] : null;
        }

        return node;
    }

    private static void Set(JsonObject root, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        var parent = root;
        foreach (var part in parts[..^1])
        {
            if (parent[part] is not JsonObject child)
            {
                parent[part] = child = new JsonObject();
            }

            parent = child;
        }

        parent[parts[^1]] = value;
    }
}
