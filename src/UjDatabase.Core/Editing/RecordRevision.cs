namespace UjDatabase.Core.Editing;

/// <summary>
/// One change of a record, as kept in its history: its number (1, 2, ... per record), when, who, what was done, and
/// the whole record before and after the change (interchange JSON; no before for a new record), so that every
/// revision shows exactly what it changed, even after an import came between two edits, and can be restored.
/// </summary>
public sealed record RecordRevision(string CaseId, int Number, DateTimeOffset At, string Author, string Action, string? PreviousJson, string RecordJson)
{
    /// <summary>The fields this change changed, each before and after.</summary>
    public IReadOnlyList<FieldChange> Changes => FieldChanges.Between(PreviousJson, RecordJson);

    /// <summary>Whether the record was published after this change (readers see only such revisions).</summary>
    public bool Published => System.Text.Json.Nodes.JsonNode.Parse(RecordJson)?["publication"]?.GetValue<string>() == "published";
}

/// <summary>
/// A record's revisions as a store keeps them. A record an import creates is stored once, not twice: its first
/// revision keeps no copy of it, because that copy is what the next revision found before it, or, with no revision
/// after it, the record as it is now (every later write keeps a revision). Reading the history puts the copy back.
/// </summary>
public static class StoredRevisions
{
    /// <summary>The history, oldest first, with each left-out record put back from <paramref name="currentJson"/> or the next revision.</summary>
    public static IReadOnlyList<RecordRevision> Complete(IReadOnlyList<(string CaseId, int Number, DateTimeOffset At, string Author, string Action, string? PreviousJson, string? RecordJson)> rows, string? currentJson)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var revisions = new RecordRevision[rows.Count];
        for (var i = rows.Count - 1; i >= 0; i--)
        {
            var row = rows[i];
            var after = row.RecordJson ?? (i == rows.Count - 1 ? currentJson : revisions[i + 1].PreviousJson ?? revisions[i + 1].RecordJson) ?? "{}";
            revisions[i] = new RecordRevision(row.CaseId, row.Number, row.At, row.Author, row.Action, row.PreviousJson, after);
        }

        return revisions;
    }
}

/// <summary>The actions a revision records.</summary>
public static class RevisionActions
{
    public const string Development = "development";
    public const string Restore = "restore";

    /// <summary>A new record entered in the record form.</summary>
    public const string Create = "create";

    /// <summary>An edit of the whole record in the record form.</summary>
    public const string Edit = "edit";

    /// <summary>A record an import created or changed.</summary>
    public const string Import = "import";
}
