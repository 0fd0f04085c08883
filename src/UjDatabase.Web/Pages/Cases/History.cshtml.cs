using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Editing;
using UjDatabase.Core.Storage;
using UjDatabase.Core.Validation;

namespace UjDatabase.Web.Pages.Cases;

/// <summary>
/// How a published record's facts evolved, for readers: each published revision's date and the fields it changed,
/// before and after. Who made a change is for editors only.
/// </summary>
public sealed class HistoryModel(ICaseStore store, IRecordEditor editor) : PageModel
{
    public CaseRecord Record { get; private set; } = null!;

    public IReadOnlyList<PublicRevision> Revisions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!CaseValidator.IsSlug(id) || await store.GetAsync(id, cancellationToken) is not { IsPublished: true } record)
        {
            return NotFound();
        }

        Record = record;
        Revisions = ReadersHistory.Of(await editor.HistoryAsync(id, cancellationToken)).Reverse().ToList();
        return Page();
    }
}
