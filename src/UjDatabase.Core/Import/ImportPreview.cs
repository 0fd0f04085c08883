namespace UjDatabase.Core.Import;

/// <summary>What an import would do to one record.</summary>
public enum RecordChangeKind
{
    New,
    Changed,
    Unchanged,
}

/// <summary>One record of a file as the import would write it: new, changed (with the fields that change) or unchanged, and whether readers would see it.</summary>
public sealed record RecordChange(string Id, RecordChangeKind Kind, IReadOnlyList<string> Fields, bool Published);

/// <summary>
/// What importing files would do, without writing: the validation (as <c>ujdb import</c> reports it) and, when the
/// files are valid, each record's change against the store as it is now. The fingerprint covers every record's id,
/// its change and the stored record it would replace, so that a confirmation can tell whether anything moved since
/// the editor read the report.
/// </summary>
public sealed record ImportPreview(ImportResult Validation, IReadOnlyList<RecordChange> Records, string Fingerprint)
{
    public int Count(RecordChangeKind kind) => Records.Count(r => r.Kind == kind);

    /// <summary>Records the import writes as drafts: kept from readers until an editor publishes them.</summary>
    public int Drafts => Records.Count(r => !r.Published);
}
