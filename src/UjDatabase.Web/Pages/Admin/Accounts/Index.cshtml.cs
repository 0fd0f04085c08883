using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UjDatabase.Core.Accounts;

namespace UjDatabase.Web.Pages.Admin.Accounts;

/// <summary>
/// The admins' page of accounts: add one, disable or enable it, change its role, give it a new password. An admin
/// cannot disable or demote their own account, so that the last admin cannot lock everyone out by a slip.
/// </summary>
// Forms of a few fields: anything larger is not a person typing.
[RequestSizeLimit(16 * 1024)]
public sealed class IndexModel(IAccountStore accounts, AccountAdministration administration, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Account> All { get; private set; } = [];

    public DateTimeOffset Now => clock.GetUtcNow();

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    public string? Done { get; private set; }

    public string? Problem { get; private set; }

    /// <summary>A password made for an account, shown once on the page that made it.</summary>
    public string? MadePassword { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => All = await accounts.ListAsync(cancellationToken);

    public Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken) =>
        ActAsync(
            async () =>
            {
                if (AccountRules.ParseRole(Role) is not { } role)
                {
                    return AccountChange.Refused("role", "must be editor or admin");
                }

                var password = AccountRules.NewPassword();
                var change = await administration.AddAsync(Name, role, password, cancellationToken);
                MadePassword = change.Done ? password : null;
                return change;
            },
            $"Added {Normalised()}.",
            cancellationToken);

    public Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken) =>
        ActAsync(() => Own() ? Task.FromResult(AccountChange.Refused("name", "is your own account: another admin must disable it")) : administration.SetDisabledAsync(Name, true, cancellationToken), $"Disabled {Normalised()}; its sessions have ended.", cancellationToken);

    public Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken) =>
        ActAsync(() => administration.SetDisabledAsync(Name, false, cancellationToken), $"Enabled {Normalised()}.", cancellationToken);

    public Task<IActionResult> OnPostRoleAsync(CancellationToken cancellationToken) =>
        ActAsync(
            () => AccountRules.ParseRole(Role) is not { } role ? Task.FromResult(AccountChange.Refused("role", "must be editor or admin"))
                : Own() && role != AccountRole.Admin ? Task.FromResult(AccountChange.Refused("name", "is your own account: another admin must change its role"))
                : administration.SetRoleAsync(Name, role, cancellationToken),
            $"{Normalised()} is now {Role?.Trim().ToLowerInvariant()}; its sessions have ended.",
            cancellationToken);

    public Task<IActionResult> OnPostResetAsync(CancellationToken cancellationToken) =>
        ActAsync(
            async () =>
            {
                if (Own())
                {
                    return AccountChange.Refused("name", "is your own account: change your password on its own page");
                }

                var password = AccountRules.NewPassword();
                var change = await administration.SetPasswordAsync(Name, password, cancellationToken);
                MadePassword = change.Done ? password : null;
                return change;
            },
            $"Gave {Normalised()} a new password; its sessions have ended.",
            cancellationToken);

    private bool Own() => Name is not null && AccountRules.Normalise(Name) == User.Identity?.Name;

    private string Normalised() => Name is null ? string.Empty : AccountRules.Normalise(Name);

    private async Task<IActionResult> ActAsync(Func<Task<AccountChange>> action, string done, CancellationToken cancellationToken)
    {
        var change = await action();
        if (change.Done)
        {
            Done = done;
        }
        else
        {
            Problem = $"Nothing was changed: the {change.Field} {change.Problem}.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        All = await accounts.ListAsync(cancellationToken);
        return Page();
    }
}
