using Microsoft.AspNetCore.Mvc.RazorPages;

namespace UjDatabase.Web.Pages.Admin;

/// <summary>Where a signed-in account lands when its role does not open a page: a 403 that says so.</summary>
public sealed class DeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
