using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Storage;

namespace UjDatabase.Web.Pages.Cases;

/// <summary>One case: the whole record, its timeline, sources, co-defendants and related cases. Reads the store, not the index.</summary>
public sealed class DetailModel(ICaseStore store, Setup.SiteSettings site) : PageModel
{
    public Setup.SiteSettings Site => site;

    public CaseRecord Record { get; private set; } = null!;

    public Citations.RecordCitation Citation => new(Record, site);

    public IReadOnlyList<CaseRecord> CoDefendants { get; private set; } = [];

    public IReadOnlyList<CaseRecord> Related { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!Core.Validation.CaseValidator.IsSlug(id))
        {
            // Not an id at all (blank, too long, odd characters): nothing to look up.
            return NotFound();
        }

        var record = await store.GetAsync(id, cancellationToken);
        if (record is not { IsPublished: true })
        {
            return NotFound();
        }

        Record = record;
        if (record.CaseGroup is not null)
        {
            CoDefendants = (await store.GetGroupAsync(record.CaseGroup, cancellationToken)).Where(r => r.Id != id && r.IsPublished).ToList();
        }

        // A co-defendant who is also listed as related is shown once, among the co-defendants.
        var shown = CoDefendants.Select(r => r.Id).Append(record.Id).ToHashSet(StringComparer.Ordinal);
        Related = (await store.GetManyAsync(record.Related.Distinct(StringComparer.Ordinal).Where(id => !shown.Contains(id)).ToList(), cancellationToken))
            .Where(r => r.IsPublished).ToList();
        return Page();
    }
}
