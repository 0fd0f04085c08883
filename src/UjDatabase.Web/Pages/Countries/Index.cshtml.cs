using Microsoft.AspNetCore.Mvc.RazorPages;
using UjDatabase.Core.Search;

namespace UjDatabase.Web.Pages.Countries;

/// <summary>Every country with records, as a prosecuting state and as the place of the crimes, with the counts of the whole database's facets.</summary>
public sealed class IndexModel(ISearchEngine engine) : PageModel
{
    public FacetResult Forums { get; private set; } = null!;

    public FacetResult Territories { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await engine.SearchAsync(CaseQuery.Empty with { Size = 1 }, cancellationToken);
        Forums = result.Facets.Single(f => f.Name == FacetCatalogue.Forum.Name);
        Territories = result.Facets.Single(f => f.Name == FacetCatalogue.Territory.Name);
    }
}
