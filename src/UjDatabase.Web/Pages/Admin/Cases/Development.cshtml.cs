using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Editing;
using UjDatabase.Core.Interchange;
using UjDatabase.Core.Storage;
using UjDatabase.Core.Validation;

namespace UjDatabase.Web.Pages.Admin.Cases;

/// <summary>
/// Adding a development to a case in one step: the event, its source, the stages it changes, and whether the record
/// was checked against its sources today. A save that another editor's change overtook is refused and shows both.
/// </summary>
// The form carries the record as the editor saw it (for comparing after a conflict): larger than a sign-in form.
[RequestSizeLimit(1024 * 1024)]
public sealed class DevelopmentModel(IIndexSource source, AddDevelopment addDevelopment, IDraftStore drafts, TimeProvider clock) : PageModel
{
    public CaseRecord Record { get; private set; } = null!;

    [BindProperty]
    public DevelopmentForm Input { get; set; } = new();

    /// <summary>The draft the entries came from, if any (published or replaced when the form is saved).</summary>
    [BindProperty]
    public long? DraftId { get; set; }

    public IReadOnlyDictionary<string, string> Problems { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<FieldChange>? TheirChanges { get; private set; }

    public IReadOnlyList<FieldChange>? YourChanges { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] string id, long? draft, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } current)
        {
            return NotFound();
        }

        // Opening a draft fills the form with its entries, over the record as it is now.
        var saved = draft is { } draftId ? await drafts.DraftAsync(draftId, cancellationToken) : null;
        if (draft is not null && (saved?.CaseId != id || saved.Content.Kind != DraftKind.Development))
        {
            return NotFound();
        }

        Input = (saved?.Content.Development ?? new DevelopmentForm()) with { Version = current.Version, BaseJson = CaseJson.Serialize(current.Record) };
        DraftId = saved?.Id;
        return Page();
    }

    /// <summary>Keeps the entries as a draft: nothing of the record changes, and nothing of the draft is public.</summary>
    public async Task<IActionResult> OnPostDraftAsync([FromRoute] string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        var draftId = await drafts.SaveDraftAsync(id, User.Identity!.Name!, clock.GetUtcNow(), DraftContent.Of(Input), cancellationToken);
        if (DraftId is { } previous && await drafts.DraftAsync(previous, cancellationToken) is { Content.Kind: DraftKind.Development } replaced && replaced.CaseId == id)
        {
            // Replaced only once the new one is kept.
            await drafts.DeleteDraftAsync(previous, cancellationToken);
        }
        return Redirect($"/admin/drafts/{draftId}");
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] string id, CancellationToken cancellationToken)
    {
        if (!CaseValidator.IsSlug(id))
        {
            return NotFound();
        }

        var result = await addDevelopment.RunAsync(id, Input, User.Identity!.Name!, cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (result.Saved is { } saved)
        {
            if (DraftId is { } draftId)
            {
                // Published: the draft it came from is done.
                await drafts.DeleteDraftAsync(draftId, cancellationToken);
            }

            return Redirect($"/admin/cases/{id}/history#revision-{saved.Number}");
        }

        Problems = result.Problems;
        TheirChanges = result.TheirChanges;
        YourChanges = result.YourChanges;
        var current = result.Current ?? await LoadAsync(id, cancellationToken);
        if (current is null)
        {
            return NotFound();
        }

        Record = current.Record;
        if (result.Current is not null)
        {
            // Saving again applies the editor's entries to the record as it is now.
            Input = Input with { Version = current.Version, BaseJson = CaseJson.Serialize(current.Record) };
        }

        Response.StatusCode = result.Current is null ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<VersionedRecord?> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (!CaseValidator.IsSlug(id))
        {
            return null;
        }

        var current = (await source.GetVersionedAsync([id], cancellationToken)).SingleOrDefault();
        if (current is not null)
        {
            Record = current.Record;
        }

        return current;
    }

    public string? ProblemOf(string field) => Problems.GetValueOrDefault(field);
}
