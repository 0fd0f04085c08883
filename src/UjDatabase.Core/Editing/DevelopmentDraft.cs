using System.Text.Json;

namespace UjDatabase.Core.Editing;

/// <summary>
/// A development saved as a draft: the editor's entries, kept apart from the record until someone publishes them. The
/// published record is untouched meanwhile; nothing of a draft is read by any public page, the index or an export.
/// </summary>
public sealed record DevelopmentDraft(long Id, string CaseId, string Author, DateTimeOffset SavedAt, DevelopmentForm Form)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The entries as stored (JSON).</summary>
    public string FormJson => JsonSerializer.Serialize(Form, Json);

    public static DevelopmentForm ReadForm(string json) => JsonSerializer.Deserialize<DevelopmentForm>(json, Json) ?? new DevelopmentForm();
}

/// <summary>Where drafts of developments are kept: beside the records, in the profile's store.</summary>
public interface IDraftStore
{
    /// <summary>Keeps a draft; returns its id.</summary>
    Task<long> SaveDraftAsync(string caseId, string author, DateTimeOffset savedAt, DevelopmentForm form, CancellationToken cancellationToken = default);

    /// <summary>Every draft, newest first.</summary>
    Task<IReadOnlyList<DevelopmentDraft>> DraftsAsync(CancellationToken cancellationToken = default);

    Task<DevelopmentDraft?> DraftAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Discards a draft (after publishing it, or when it is not wanted); false when there is none.</summary>
    Task<bool> DeleteDraftAsync(long id, CancellationToken cancellationToken = default);
}
