using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UjDatabase.Core.Search;
using UjDatabase.Core.Vocabularies;
using UjDatabase.Web.Overview;

namespace UjDatabase.Web.Pages.Situations;

/// <summary>A situation (the search situation=slug): its proceedings, prosecuting states and outcomes.</summary>
public sealed class DetailModel(SearchOverviewService overviews) : PageModel
{
    public Situation Situation { get; private set; } = null!;

    public SearchOverview Overview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (Core.Vocabularies.Situations.Find(slug) is not { } situation)
        {
            return NotFound();
        }

        Situation = situation;
        Overview = await overviews.ForAsync(CaseQuery.Empty.WithFilter(FacetCatalogue.Situation.Name, [situation.Slug]), cancellationToken);
        return Page();
    }
}
