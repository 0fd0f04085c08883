using Microsoft.AspNetCore.Mvc.RazorPages;
using UjDatabase.Core.Accounts;
using UjDatabase.Core.Editing;

namespace UjDatabase.Web.Pages.Admin;

/// <summary>The editors' area: who is signed in, what they can do here, and the drafts waiting to be published.</summary>
public sealed class IndexModel(IDraftStore drafts) : PageModel
{
    public bool IsAdmin => User.IsInRole(AccountRules.Word(AccountRole.Admin));

    public IReadOnlyList<DevelopmentDraft> Drafts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Drafts = await drafts.DraftsAsync(cancellationToken);
}
