using Microsoft.AspNetCore.Mvc.RazorPages;
using UjDatabase.Core.Search;

namespace UjDatabase.Web.Pages.Situations;

/// <summary>The situations with a page of their own, each with the count of its records.</summary>
public sealed class IndexModel(ISearchEngine engine) : PageModel
{
    /// <summary>Every listed situation in catalogue order, with its count (0 when no record belongs to it).</summary>
    public IReadOnlyList<(Core.Vocabularies.Situation Situation, long Count)> Situations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await engine.SearchAsync(CaseQuery.Empty with { Size = 1 }, cancellationToken);
        var counts = result.Facets.Single(f => f.Name == FacetCatalogue.Situation.Name).Values.ToDictionary(v => v.Value, v => v.Count, StringComparer.Ordinal);
        Situations = Core.Vocabularies.Situations.All.Select(s => (s, counts.GetValueOrDefault(s.Slug))).ToList();
    }
}
