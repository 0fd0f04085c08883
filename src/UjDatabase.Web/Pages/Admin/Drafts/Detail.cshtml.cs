using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Editing;
using UjDatabase.Core.Interchange;

namespace UjDatabase.Web.Pages.Admin.Drafts;

/// <summary>
/// One draft of a development, for review: what it would change in the record as it is now, and whether it passes the
/// checks; publish it (then it is a change like any other, through the outbox), edit it, or discard it.
/// </summary>
public sealed class DetailModel(IDraftStore drafts, AddDevelopment addDevelopment) : PageModel
{
    public DevelopmentDraft Draft { get; private set; } = null!;

    public CaseRecord? Record { get; private set; }

    public IReadOnlyList<FieldChange> Changes { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Problems { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPublishAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var result = await addDevelopment.RunAsync(Draft.CaseId, Draft.Form with { Version = CurrentVersion }, User.Identity!.Name!, cancellationToken);
        if (result.Saved is { } saved)
        {
            await drafts.DeleteDraftAsync(id, cancellationToken);
            return Redirect($"/admin/cases/{Draft.CaseId}/history#revision-{saved.Number}");
        }

        // Someone changed the record between this page and the click: show the draft against the record as it now is.
        await LoadAsync(id, cancellationToken);
        Problems = result.Problems;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    public async Task<IActionResult> OnPostDiscardAsync(long id, CancellationToken cancellationToken) =>
        await drafts.DeleteDraftAsync(id, cancellationToken) ? Redirect("/admin") : NotFound();

    private long CurrentVersion { get; set; }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        if (await drafts.DraftAsync(id, cancellationToken) is not { } draft)
        {
            return false;
        }

        Draft = draft;
        var (current, record, problems) = await addDevelopment.PreviewAsync(draft.CaseId, draft.Form, cancellationToken);
        if (current is not null)
        {
            Record = current.Record;
            CurrentVersion = current.Version;
            Changes = FieldChanges.Between(CaseJson.Serialize(current.Record), CaseJson.Serialize(record));
            Problems = problems;
        }
        else
        {
            Problems = new Dictionary<string, string> { [string.Empty] = $"The record {draft.CaseId} no longer exists; this draft can only be discarded." };
        }

        return true;
    }
}
