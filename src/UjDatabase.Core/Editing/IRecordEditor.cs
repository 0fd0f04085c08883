using UjDatabase.Core.Cases;

namespace UjDatabase.Core.Editing;

/// <summary>
/// What the editors' changes need of a store: a write that happens only if nobody changed the record since the editor
/// loaded it, together with its revision, in one transaction (through the outbox like any write); and the history.
/// </summary>
public interface IRecordEditor
{
    /// <summary>
    /// Writes <paramref name="record"/> if the stored version is still <paramref name="expectedVersion"/> (null: the
    /// record must not exist yet), and appends a revision by <paramref name="author"/> with <paramref name="previous"/>
    /// (the record the caller read at that version) as its before. Returns the revision written, or null, with nothing
    /// written, when another change came first.
    /// </summary>
    Task<RecordRevision?> SaveAsync(CaseRecord record, long? expectedVersion, CaseRecord? previous, string author, string action, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Every revision of a record, oldest first.</summary>
    Task<IReadOnlyList<RecordRevision>> HistoryAsync(string caseId, CancellationToken cancellationToken = default);
}
