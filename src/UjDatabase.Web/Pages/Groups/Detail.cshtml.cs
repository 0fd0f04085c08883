using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Storage;
using UjDatabase.Web.Overview;

namespace UjDatabase.Web.Pages.Groups;

/// <summary>One proceeding (a case group) with all its defendants, their outcomes, one merged timeline and the sources. Reads the store, like a case page.</summary>
public sealed class DetailModel(ICaseStore store) : PageModel
{
    public string Group { get; private set; } = null!;

    public IReadOnlyList<CaseRecord> Records { get; private set; } = [];

    public IReadOnlyList<MergedEvent> Timeline { get; private set; } = [];

    public IReadOnlyList<Source> Sources { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!Core.Validation.CaseValidator.IsSlug(id))
        {
            return NotFound();
        }

        // Drafts are never shown: a group whose records are all drafts does not exist for readers.
        Records = (await store.GetGroupAsync(id, cancellationToken)).Where(r => r.IsPublished).OrderBy(r => r.DisplayName, StringComparer.Ordinal).ToList();
        if (Records.Count == 0)
        {
            return NotFound();
        }

        Group = id;
        Timeline = MergedTimeline.Of(Records);
        Sources = MergedTimeline.SourcesOf(Records);
        return Page();
    }
}
