using System.Globalization;
using System.Text.Json;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Interchange;
using UjDatabase.Core.Storage;
using UjDatabase.Core.Validation;

namespace UjDatabase.Core.Editing;

/// <summary>A whole record as the form would make it, with the problems found, before anything is written.</summary>
public sealed record RecordPreview(VersionedRecord? Current, CaseRecord? Record, IReadOnlyDictionary<string, string> Problems)
{
    /// <summary>The record to edit does not exist (a new record's id is free, so a new record is never "not found").</summary>
    public bool NotFound { get; init; }
}

/// <summary>
/// What became of a save of the whole record: saved (with its revision); refused with problems by field; or refused
/// because someone else changed the record first, with the form merged (their changes taken where the editor left a
/// field alone) and both changes to compare.
/// </summary>
public sealed record RecordEditResult(RecordRevision? Saved, IReadOnlyDictionary<string, string> Problems, RecordForm Form)
{
    public bool NotFound { get; init; }

    /// <summary>The form holds the record as it is stored: nothing was written, and no revision says "no field changed".</summary>
    public bool Unchanged { get; init; }

    public IReadOnlyList<FieldChange>? TheirChanges { get; init; }

    public IReadOnlyList<FieldChange>? YourChanges { get; init; }

    /// <summary>Fields both editors changed differently: the editor's entry stays in the form, the other value is given here.</summary>
    public IReadOnlyDictionary<string, string> Clashes { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// Creates a record, or saves an edit of every field of one, from the record form: checked by the same decoder and
/// validator as an import (each problem beside its field), written only while nobody else changed the record since the
/// editor opened it, with its revision, through the outbox.
/// </summary>
public sealed class EditRecord(IIndexSource source, IRecordEditor editor, TimeProvider clock)
{
    /// <summary>The problem key of the "checked against its sources today" box.</summary>
    public const string CheckedField = "checked";

    /// <summary>Saves the form: <paramref name="caseId"/> names the record edited, null for a new record (its id is the form's).</summary>
    public async Task<RecordEditResult> RunAsync(string? caseId, RecordForm form, string author, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var preview = await PreviewAsync(caseId, form, cancellationToken);
        if (preview.NotFound)
        {
            return new RecordEditResult(null, preview.Problems, form) { NotFound = true };
        }

        if (preview.Problems.Count > 0 || preview.Record is not { } record)
        {
            return new RecordEditResult(null, preview.Problems, form);
        }

        if (caseId is not null && preview.Current is { } current && current.Version != form.Version)
        {
            return Rebase(current, form);
        }

        if (caseId is not null && CaseJson.Serialize(record) == CaseJson.Serialize(preview.Current!.Record))
        {
            return new RecordEditResult(null, preview.Problems, form) { Unchanged = true };
        }

        var saved = await editor.SaveAsync(record, caseId is null ? null : form.Version, preview.Current?.Record, author,
            caseId is null ? RevisionActions.Create : RevisionActions.Edit, clock.GetUtcNow(), cancellationToken);
        if (saved is not null)
        {
            return new RecordEditResult(saved, preview.Problems, form);
        }

        // Another change came between the read above and the write.
        var now = (await source.GetVersionedAsync([record.Id], cancellationToken)).SingleOrDefault();
        return caseId is null || now is null
            ? new RecordEditResult(null, new Dictionary<string, string> { [RecordFields.Id] = IdTaken }, form)
            : Rebase(now, form);
    }

    private const string IdTaken = "is taken by another record: choose another id, or open that record to edit it";

    /// <summary>The record the form would make and its problems, without writing anything (for a draft's review).</summary>
    public async Task<RecordPreview> PreviewAsync(string? caseId, RecordForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var id = caseId ?? form.Value(RecordFields.Id);
        var current = CaseValidator.IsSlug(id) ? (await source.GetVersionedAsync([id], cancellationToken)).SingleOrDefault() : null;
        if (caseId is not null && current is null)
        {
            return new RecordPreview(null, null, new Dictionary<string, string>()) { NotFound = true };
        }

        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        if (caseId is null && current is not null)
        {
            problems[RecordFields.Id] = IdTaken;
        }

        var json = form.ToJson(caseId is null ? null : current!.Record);
        // The id is fixed once a record exists: links and citations name it.
        json[RecordFields.Id] = id;
        if (form.Checked)
        {
            // A draft remembers the day it was checked: publishing it later, or by someone else, does not move it.
            json["updated"] = (form.CheckedOn ?? PartialDate.FromDate(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))).ToString();
        }

        var decoded = CaseDecoder.Decode(JsonSerializer.SerializeToElement(json));
        foreach (var problem in decoded.Problems)
        {
            var field = FieldOf(problem.Path);
            var text = field.Length == 0 ? $"{(problem.Path.Length == 0 ? "The record" : problem.Path)} {problem.Message}" : problem.Message;
            if (field == CheckedField && caseId is null)
            {
                text = "A new record must be checked against its sources before it is saved: tick the box.";
            }

            problems[field] = problems.TryGetValue(field, out var before) ? $"{before}\n{text}" : text;
        }

        return new RecordPreview(current, decoded.Parsed, problems);
    }

    /// <summary>
    /// The editor's form merged with the record as it now is (see <see cref="RecordForm.Merge"/>), to be saved again
    /// at the current version; nothing is written.
    /// </summary>
    public static RecordEditResult Rebase(VersionedRecord current, RecordForm form)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(form);
        var currentJson = CaseJson.Serialize(current.Record);
        var seen = EditConflict.Seen(form.BaseJson, current.Record.Id);
        if (seen is null)
        {
            // Without the record as the editor opened it, their change cannot be told from the other: saving the form
            // again would silently undo the other change, so it is not offered.
            return new RecordEditResult(null, new Dictionary<string, string> { [string.Empty] = "Someone else changed this record, and this form does not carry the record as you opened it, so the two changes cannot be merged. Nothing was saved: open the form again." }, form);
        }

        var theirs = RecordForm.From(current.Record, current.Version);
        var values = RecordForm.Merge(RecordForm.From(seen, form.Version), theirs, form, out var clashes);
        var merged = form with { Values = values, Version = current.Version, BaseJson = currentJson };
        var mine = CaseDecoder.Decode(JsonSerializer.SerializeToElement(merged.ToJson(current.Record))).Parsed;
        var problems = new Dictionary<string, string>(StringComparer.Ordinal) { [string.Empty] = EditConflict.Message };
        return new RecordEditResult(null, problems, merged)
        {
            TheirChanges = FieldChanges.Between(CaseJson.Serialize(seen), currentJson),
            YourChanges = mine is null ? [] : FieldChanges.Between(current.Record, mine),
            Clashes = clashes,
        };
    }

    /// <summary>The form field a problem belongs to: its path, the list an item's path is in, or "" for the record as a whole.</summary>
    public static string FieldOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path == "updated")
        {
            return CheckedField;
        }

        // "accused.aliases[2]" belongs to the aliases box; "charges[1].topics[0]" to that charge's topics.
        var field = path;
        while (!IsField(field) && field.EndsWith(']'))
        {
            field = field[..field.LastIndexOf('[')];
        }

        return IsField(field) ? field : string.Empty;
    }

    private static bool IsField(string name) => RecordFields.Describe(name) != name;
}
