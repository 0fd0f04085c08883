namespace UjDatabase.Core.Editing;

/// <summary>
/// One change of a record, as kept in its history: its number (1, 2, ... per record), when, who, what was done, and
/// the whole record as it was after the change (interchange JSON), so that any revision can be read, compared with the
/// one before it, or restored.
/// </summary>
public sealed record RecordRevision(string CaseId, int Number, DateTimeOffset At, string Author, string Action, string RecordJson);

/// <summary>The actions a revision records.</summary>
public static class RevisionActions
{
    public const string Development = "development";
    public const string Restore = "restore";
}
