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
    public bool Published => IsPublished(RecordJson);

    internal static bool IsPublished(string? json) =>
        json is not null && System.Text.Json.Nodes.JsonNode.Parse(json)?["publication"]?.GetValue<string>() == "published";
}

/// <summary>A published revision as readers see it: what it changed since the record was last public.</summary>
public sealed record PublicRevision(RecordRevision Revision, IReadOnlyList<FieldChange> Changes);

/// <summary>
/// The history readers may see. Each revision that left the record published is compared with the record as it was
/// last public, not with the state just before it, which may be one no reader ever saw (a record kept unpublished
/// while it was prepared, or between two publications). A record first published by a revision shows the fields it
/// was published with and no "before".
/// </summary>
public static class ReadersHistory
{
    public static IReadOnlyList<PublicRevision> Of(IReadOnlyList<RecordRevision> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var shown = new List<PublicRevision>();
        string? lastPublic = null;
        foreach (var revision in history)
        {
            if (RecordRevision.IsPublished(revision.PreviousJson))
            {
                lastPublic = revision.PreviousJson;
            }

            if (revision.Published)
            {
                shown.Add(new PublicRevision(revision, FieldChanges.Between(lastPublic, revision.RecordJson)));
                lastPublic = revision.RecordJson;
            }
        }

        return shown;
    }
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

    /// <summary>What each action did, in English words, as readers see it (the site translates them).</summary>
    public static IReadOnlyDictionary<string, string> Descriptions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Development] = "a new development",
        [Restore] = "an earlier version restored",
        [Create] = "the record entered",
        [Edit] = "the record edited",
        [Import] = "an import",
    };

    public static string Describe(string action) => Descriptions.GetValueOrDefault(action) ?? action;
}
