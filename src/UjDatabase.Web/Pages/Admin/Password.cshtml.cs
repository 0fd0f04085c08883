using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UjDatabase.Core.Accounts;
using UjDatabase.Web.Setup;

namespace UjDatabase.Web.Pages.Admin;

/// <summary>Changing one's own password: the current one first; every other session of the account ends.</summary>
// Forms of a few fields: anything larger is not a person typing.
[RequestSizeLimit(16 * 1024)]
public sealed class PasswordModel(AccountSignIn signIn, AccountAdministration administration, IAccountStore accounts) : PageModel
{
    [BindProperty]
    public string? Current { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? Repeat { get; set; }

    public Dictionary<string, string> Problems { get; } = new(StringComparer.Ordinal);

    public bool Changed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var name = User.Identity!.Name!;
        if ((await signIn.SignInAsync(name, Current, cancellationToken)).Outcome != SignInOutcome.Success)
        {
            Problems["current"] = "This is not your current password.";
        }
        else if (NewPassword != Repeat)
        {
            Problems["repeat"] = "The two new passwords differ.";
        }
        else if (await administration.SetPasswordAsync(name, NewPassword, cancellationToken) is { Done: false } refused)
        {
            Problems["new"] = $"The new password {refused.Problem}.";
        }
        else
        {
            // A new stamp ended every session of the account, this one too: sign this one in again with the new stamp.
            await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, EditorAccess.Principal((await accounts.FindAsync(name, cancellationToken))!));
            Changed = true;
        }

        Current = NewPassword = Repeat = null;
        if (!Changed)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}
