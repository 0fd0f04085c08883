using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UjDatabase.Core.Search;
using UjDatabase.Core.Vocabularies;
using UjDatabase.Web.Overview;

namespace UjDatabase.Web.Pages.Countries;

/// <summary>A country as a prosecuting state (the search forum=XX) and as the place of the crimes (territory=XX).</summary>
public sealed class DetailModel(SearchOverviewService overviews) : PageModel
{
    public Country Country { get; private set; } = null!;

    public SearchOverview AsForum { get; private set; } = null!;

    public SearchOverview AsTerritory { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (code is not { Length: 2 } || !code.All(char.IsAsciiLetter) || Core.Vocabularies.Countries.Find(code.ToUpperInvariant()) is not { } country)
        {
            return NotFound();
        }

        if (code != country.Code)
        {
            // "/countries/de" is the same page: one address per country.
            return RedirectPermanent(Languages.LanguageLinks.Local($"/countries/{country.Code}"));
        }

        Country = country;
        AsForum = await overviews.ForAsync(CaseQuery.Empty.WithFilter(FacetCatalogue.Forum.Name, [country.Code]), cancellationToken);
        AsTerritory = await overviews.ForAsync(CaseQuery.Empty.WithFilter(FacetCatalogue.Territory.Name, [country.Code]), cancellationToken);
        return Page();
    }
}
