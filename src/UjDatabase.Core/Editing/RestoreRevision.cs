using UjDatabase.Core.Interchange;
using UjDatabase.Core.Storage;
using UjDatabase.Core.Validation;

namespace UjDatabase.Core.Editing;

/// <summary>
/// Puts a record back as it was after one of its revisions, as a new change (the history keeps everything between).
/// Like every edit it is checked by the import validator and written only if nobody changed the record meanwhile.
/// </summary>
public sealed class RestoreRevision(IIndexSource source, IRecordEditor editor, TimeProvider clock)
{
    /// <summary>The new revision, or why not (null revision and a message).</summary>
    public async Task<(RecordRevision? Saved, string? Problem)> RunAsync(string caseId, int number, long expectedVersion, string author, CancellationToken cancellationToken = default)
    {
        var revision = (await editor.HistoryAsync(caseId, cancellationToken)).SingleOrDefault(r => r.Number == number);
        var current = (await source.GetVersionedAsync([caseId], cancellationToken)).SingleOrDefault();
        if (revision is null || current is null)
        {
            return (null, "There is no such revision of this record.");
        }

        var record = CaseJson.Deserialize(System.Text.Encoding.UTF8.GetBytes(revision.RecordJson));
        if (CaseValidator.Validate(record) is { Count: > 0 } problems)
        {
            // The rules may have grown since: an old revision must pass today's, like any other change.
            return (null, $"Revision {number} does not pass today's checks ({problems[0].Path}: {problems[0].Message}); nothing was changed.");
        }

        var saved = await editor.SaveAsync(record, expectedVersion, current.Record, author, RevisionActions.Restore, clock.GetUtcNow(), cancellationToken);
        return saved is null
            ? (null, "Someone else changed this record after you opened its history; nothing was changed. Look at the history again before restoring.")
            : (saved, null);
    }
}
