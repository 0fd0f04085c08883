using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Editing;
using UjDatabase.Core.Storage;
using UjDatabase.Core.Validation;

namespace UjDatabase.Web.Pages.Admin.Cases;

/// <summary>A record's whole history for editors: who changed what and when, each field before and after; restore any revision as a new change.</summary>
public sealed class HistoryModel(IIndexSource source, IRecordEditor editor, RestoreRevision restore) : PageModel
{
    public CaseRecord Record { get; private set; } = null!;

    public long Version { get; private set; }

    public IReadOnlyList<RecordRevision> Revisions { get; private set; } = [];

    public string? Done { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRestoreAsync([FromRoute] string id, int number, long version, CancellationToken cancellationToken)
    {
        if (!CaseValidator.IsSlug(id))
        {
            return NotFound();
        }

        var (saved, problem) = await restore.RunAsync(id, number, version, User.Identity!.Name!, cancellationToken);
        if (saved is not null)
        {
            return Redirect($"/admin/cases/{id}/history#revision-{saved.Number}");
        }

        Problem = problem;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (!CaseValidator.IsSlug(id) || (await source.GetVersionedAsync([id], cancellationToken)).SingleOrDefault() is not { } current)
        {
            return false;
        }

        Record = current.Record;
        Version = current.Version;
        Revisions = (await editor.HistoryAsync(id, cancellationToken)).Reverse().ToList();
        return true;
    }
}
