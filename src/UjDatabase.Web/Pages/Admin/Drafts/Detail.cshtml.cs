using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Editing;

namespace UjDatabase.Web.Pages.Admin.Drafts;

/// <summary>
/// One draft, for review: what it would change in the record as it is now (or the whole record, for a new one), and
/// whether it passes the checks; publish it (then it is a change like any other, through the outbox), edit it, or
/// discard it.
/// </summary>
public sealed class DetailModel(IDraftStore drafts, AddDevelopment addDevelopment, EditRecord editRecord) : PageModel
{
    public Draft Draft { get; private set; } = null!;

    /// <summary>The record as it is now (null for a new record, or one deleted since).</summary>
    public CaseRecord? Record { get; private set; }

    public IReadOnlyList<FieldChange> Changes { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Problems { get; private set; } = new Dictionary<string, string>();

    /// <summary>Whether publishing is possible from this page (otherwise the draft must be opened in its form, or discarded).</summary>
    public bool CanPublish { get; private set; }

    /// <summary>Where the draft opens in its form.</summary>
    public string EditAddress => Draft.Content.Kind == DraftKind.Development
        ? $"/admin/cases/{Draft.CaseId}/development?draft={Draft.Id}"
        : Draft.IsNewRecord ? $"/admin/cases/new?draft={Draft.Id}" : $"/admin/cases/{Draft.CaseId}/edit?draft={Draft.Id}";

    public string What => Draft.Content.Kind == DraftKind.Development ? "a development of" : Draft.IsNewRecord ? "a new record," : "an edit of";

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPublishAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!CanPublish)
        {
            Response.StatusCode = Stale ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            return Page();
        }

        var author = User.Identity!.Name!;
        RecordRevision? saved;
        if (Draft.Content.Kind == DraftKind.Development)
        {
            var result = await addDevelopment.RunAsync(Draft.CaseId, Draft.Content.Development with { Version = CurrentVersion }, author, cancellationToken);
            (saved, Problems) = (result.Saved, result.Problems);
        }
        else
        {
            var form = Draft.Content.Record;
            var result = await editRecord.RunAsync(Draft.IsNewRecord ? null : Draft.CaseId, form, author, cancellationToken);
            if (result.Unchanged)
            {
                // The record already is what the draft says: the draft is done, with nothing to write.
                await drafts.DeleteDraftAsync(id, cancellationToken);
                return Redirect($"/admin/cases/{Draft.CaseId}/history");
            }

            (saved, Problems) = (result.Saved, result.Problems);
        }

        if (saved is not null)
        {
            await drafts.DeleteDraftAsync(id, cancellationToken);
            return Redirect($"/admin/cases/{saved.CaseId}/history#revision-{saved.Number}");
        }

        // Someone changed the record between this page and the click: show the draft against the record as it now is.
        var problems = Problems;
        await LoadAsync(id, cancellationToken);
        Problems = problems;
        CanPublish = false;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    public async Task<IActionResult> OnPostDiscardAsync([FromRoute] long id, CancellationToken cancellationToken) =>
        await drafts.DeleteDraftAsync(id, cancellationToken) ? Redirect("/admin") : NotFound();

    private long CurrentVersion { get; set; }

    /// <summary>The draft of an edit started from an older version of the record.</summary>
    private bool Stale { get; set; }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        if (await drafts.DraftAsync(id, cancellationToken) is not { } draft)
        {
            return false;
        }

        Draft = draft;
        if (draft.Content.Kind == DraftKind.Development)
        {
            var (current, record, problems) = await addDevelopment.PreviewAsync(draft.CaseId, draft.Content.Development, cancellationToken);
            if (current is null)
            {
                Problems = new Dictionary<string, string> { [string.Empty] = Gone };
                return true;
            }

            (Record, CurrentVersion, Problems) = (current.Record, current.Version, problems);
            Changes = FieldChanges.Between(current.Record, record);
            CanPublish = problems.Count == 0;
            return true;
        }

        var form = draft.Content.Record;
        var preview = await editRecord.PreviewAsync(draft.IsNewRecord ? null : draft.CaseId, form, cancellationToken);
        if (preview.NotFound)
        {
            Problems = new Dictionary<string, string> { [string.Empty] = Gone };
            return true;
        }

        Record = draft.IsNewRecord ? null : preview.Current?.Record;
        Problems = preview.Problems;
        if (preview.Record is { } changed)
        {
            Changes = FieldChanges.Between(Record, changed);
        }

        Stale = Record is not null && preview.Current!.Version != form.Version;
        if (Stale)
        {
            // A whole record written over a newer one would undo the other change: the form merges the two instead.
            Problems = new Dictionary<string, string>(Problems) { [string.Empty] = "Someone changed this record after the draft was started. Open the draft in the form: it shows the other change beside yours and merges the two before you save." };
        }

        CanPublish = Problems.Count == 0;
        return true;
    }

    private string Gone => $"The record {Draft.CaseId} no longer exists; this draft can only be discarded.";

    /// <summary>A problem as a line of the list (the record's own problems may hold several lines).</summary>
    public static IEnumerable<string> Lines(string field, string problem) =>
        problem.Split('\n').Select(line => field.Length == 0 || field == EditRecord.CheckedField ? line : $"{RecordFields.Describe(field)} {line}");
}
