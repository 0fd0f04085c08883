using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Search;
using UjDatabase.Core.Storage;
using UjDatabase.Web.Overview;

namespace UjDatabase.Web.Pages.Groups;

/// <summary>One proceeding (a case group) with all its defendants, their outcomes, one merged timeline and the sources. Reads the store, like a case page.</summary>
public sealed class DetailModel(ICaseStore store, ISearchEngine engine) : PageModel
{
    /// <summary>The search for this proceeding's records, which the page's numbers count.</summary>
    public CaseQuery Query { get; private set; } = CaseQuery.Empty;

    /// <summary>The search's count of defendants and of those convicted; null while the index cannot answer (the page still shows the store's records).</summary>
    public (long Defendants, long Convicted)? Counts { get; private set; }

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
        Query = CaseQuery.Empty with { Group = id };
        try
        {
            Counts = (await engine.CountAsync(Query, cancellationToken), await engine.CountAsync(Query.WithFilter(FacetCatalogue.Verdict.Name, ["convicted"]), cancellationToken));
        }
        catch (SearchUnavailableException)
        {
            // Like a case page, the group page reads the store and stays up while the index is down.
        }

        return Page();
    }
}
