using System.Text.Json;

namespace UjDatabase.Core.Editing;

/// <summary>Which form a draft's entries belong to.</summary>
public enum DraftKind
{
    /// <summary>A development of a case (<see cref="DevelopmentForm"/>).</summary>
    Development,

    /// <summary>A whole record, new or an edit of a stored one (<see cref="RecordForm"/>).</summary>
    Record,
}

/// <summary>A draft's entries: its kind and the form as JSON.</summary>
public sealed record DraftContent(DraftKind Kind, string Json)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static DraftContent Of(DevelopmentForm form) => new(DraftKind.Development, JsonSerializer.Serialize(form, Options));

    public static DraftContent Of(RecordForm form) => new(DraftKind.Record, JsonSerializer.Serialize(form, Options));

    /// <summary>The kind as the stores keep it.</summary>
    public string KindWord => Kind == DraftKind.Record ? "record" : "development";

    public static DraftContent Read(string kindWord, string json) => new(kindWord == "record" ? DraftKind.Record : DraftKind.Development, json);

    /// <summary>The development's entries (empty when the draft is of another kind).</summary>
    public DevelopmentForm Development => Kind == DraftKind.Development ? JsonSerializer.Deserialize<DevelopmentForm>(Json, Options) ?? new() : new();

    /// <summary>The whole record's entries (empty when the draft is of another kind).</summary>
    public RecordForm Record => Kind == DraftKind.Record ? JsonSerializer.Deserialize<RecordForm>(Json, Options) ?? new() : new();
}

/// <summary>
/// Entries saved as a draft, kept apart from the record until someone publishes them: a development, a new record, or
/// the next version of a stored record. The stored record is untouched meanwhile; nothing of a draft is read by any
/// public page, the index or an export.
/// </summary>
public sealed record Draft(long Id, string CaseId, string Author, DateTimeOffset SavedAt, DraftContent Content)
{
    /// <summary>A draft of a record that does not exist yet.</summary>
    public bool IsNewRecord => Content.Kind == DraftKind.Record && Content.Record.Version is null;
}

/// <summary>Where drafts are kept: beside the records, in the profile's store.</summary>
public interface IDraftStore
{
    /// <summary>Keeps a draft; returns its id.</summary>
    Task<long> SaveDraftAsync(string caseId, string author, DateTimeOffset savedAt, DraftContent content, CancellationToken cancellationToken = default);

    /// <summary>Every draft, newest first.</summary>
    Task<IReadOnlyList<Draft>> DraftsAsync(CancellationToken cancellationToken = default);

    Task<Draft?> DraftAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Discards a draft (after publishing it, or when it is not wanted); false when there is none.</summary>
    Task<bool> DeleteDraftAsync(long id, CancellationToken cancellationToken = default);
}
