namespace UjDatabase.Core.Accounts;

/// <summary>The answer to an account change: done, or why not (named after the field it concerns).</summary>
public sealed record AccountChange(bool Done, string? Field = null, string? Problem = null)
{
    public static AccountChange Ok { get; } = new(true);

    public static AccountChange Refused(string field, string problem) => new(false, field, problem);
}

/// <summary>
/// Creating and changing accounts, for <c>ujdb user</c> and the admins' page alike. A new password or role gives the
/// account a new security stamp, which ends every session it had.
/// </summary>
public sealed class AccountAdministration(IAccountStore accounts, TimeProvider clock)
{
    public async Task<AccountChange> AddAsync(string? name, AccountRole role, string? password, CancellationToken cancellationToken = default)
    {
        if (AccountRules.NameProblem(name) is { } nameProblem)
        {
            return AccountChange.Refused("name", nameProblem);
        }

        if (AccountRules.PasswordProblem(password) is { } passwordProblem)
        {
            return AccountChange.Refused("password", passwordProblem);
        }

        var account = new Account(AccountRules.Normalise(name!), role, Passwords.Hash(password!), AccountRules.NewStamp(), Disabled: false, FailedSignIns: 0, LockedUntil: null, clock.GetUtcNow());
        return await accounts.AddAsync(account, cancellationToken) ? AccountChange.Ok : AccountChange.Refused("name", "is already an account");
    }

    public Task<AccountChange> SetPasswordAsync(string? name, string? password, CancellationToken cancellationToken = default) =>
        AccountRules.PasswordProblem(password) is { } problem
            ? Task.FromResult(AccountChange.Refused("password", problem))
            : ChangeAsync(name, a => a with { PasswordHash = Passwords.Hash(password!), SecurityStamp = AccountRules.NewStamp(), FailedSignIns = 0, LockedUntil = null }, cancellationToken);

    public Task<AccountChange> SetRoleAsync(string? name, AccountRole role, CancellationToken cancellationToken = default) =>
        ChangeAsync(name, a => a.Role == role ? a : a with { Role = role, SecurityStamp = AccountRules.NewStamp() }, cancellationToken);

    /// <summary>Disables (or enables) an account; disabling also ends its sessions.</summary>
    public Task<AccountChange> SetDisabledAsync(string? name, bool disabled, CancellationToken cancellationToken = default) =>
        ChangeAsync(name, a => a.Disabled == disabled ? a : a with { Disabled = disabled, SecurityStamp = AccountRules.NewStamp() }, cancellationToken);

    private async Task<AccountChange> ChangeAsync(string? name, Func<Account, Account> change, CancellationToken cancellationToken)
    {
        var account = string.IsNullOrWhiteSpace(name) ? null : await accounts.FindAsync(AccountRules.Normalise(name), cancellationToken);
        if (account is null)
        {
            return AccountChange.Refused("name", "is not an account");
        }

        var changed = change(account);
        if (changed != account)
        {
            await accounts.UpdateAsync(changed, cancellationToken);
        }

        return AccountChange.Ok;
    }
}
