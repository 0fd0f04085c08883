using UjDatabase.Core.Cases;
using UjDatabase.Core.Interchange;

namespace UjDatabase.Core.Editing;

/// <summary>What the editors' forms share when someone else changed a record after an editor opened it.</summary>
public static class EditConflict
{
    public const string Message = "Someone else changed this record after you opened it. Nothing was saved: compare the two changes below; your entries are kept, and saving again adds them to the record as it is now.";

    /// <summary>The record the editor saw, from the JSON the form carried; null when it is missing, unreadable or of another record.</summary>
    public static CaseRecord? Seen(string? json, string caseId) =>
        json is { Length: > 0 } && CaseJson.TryDeserializeStrict(System.Text.Encoding.UTF8.GetBytes(json)) is { } seen && seen.Id == caseId ? seen : null;
}
