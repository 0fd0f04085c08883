using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Storage;

namespace UjDatabase.Web.Pages;

/// <summary>The list of published cases, by title, in pages.</summary>
public sealed class IndexModel(ICaseStore store) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<CaseRecord> Cases { get; private set; } = [];

    public int Total { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // Read from the query string by hand: in Razor Pages "page" is also the route value naming the page itself,
        // which model binding would prefer.
        if (Request.Query.TryGetValue("page", out var pageText))
        {
            PageNumber = int.TryParse(pageText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : 0;
        }

        // Until the search index arrives this page reads the store directly; the store streams, so memory holds one page.
        var published = new List<CaseRecord>();
        await foreach (var record in store.StreamAllAsync(cancellationToken))
        {
            if (record.IsPublished)
            {
                published.Add(record);
            }
        }

        Total = published.Count;
        if (PageNumber < 1 || PageNumber > PageCount)
        {
            return Redirect($"/?page={Math.Clamp(PageNumber, 1, PageCount)}");
        }

        Cases = published
            .OrderBy(r => r.Title, StringComparer.CurrentCultureIgnoreCase)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .ToList();
        return Page();
    }
}
