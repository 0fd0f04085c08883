using Microsoft.AspNetCore.Mvc.RazorPages;
using UjDatabase.Core.Accounts;

namespace UjDatabase.Web.Pages.Admin;

/// <summary>The editors' area: who is signed in and what they can do here.</summary>
public sealed class IndexModel : PageModel
{
    public bool IsAdmin => User.IsInRole(AccountRules.Word(AccountRole.Admin));

    public void OnGet()
    {
    }
}
