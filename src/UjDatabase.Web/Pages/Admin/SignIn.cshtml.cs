using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UjDatabase.Core.Accounts;
using UjDatabase.Web.Setup;

namespace UjDatabase.Web.Pages.Admin;

/// <summary>The editors' sign-in: a name and a password, an account lockout, and a return only to pages of this site.</summary>
// Forms of a few fields: anything larger is not a person typing.
[RequestSizeLimit(16 * 1024)]
public sealed class SignInModel(AccountSignIn signIn, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await signIn.SignInAsync(Name, Password, cancellationToken);
        Password = null;
        switch (result.Outcome)
        {
            case SignInOutcome.Success:
                await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, EditorAccess.Principal(result.Account!));
                // Only a path on this site: a return address from the query string must not send an editor elsewhere.
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/admin");
            case SignInOutcome.LockedOut:
                var minutes = Math.Max(1, (int)Math.Ceiling((result.LockedUntil!.Value - clock.GetUtcNow()).TotalMinutes));
                Problem = $"This account is locked after too many wrong passwords. Try again in {minutes} minute(s), or ask an admin.";
                break;
            case SignInOutcome.Disabled:
                Problem = "This account is disabled. Ask an admin.";
                break;
            default:
                Problem = "The name or the password is wrong.";
                break;
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
