namespace UjDatabase.Core.Accounts;

/// <summary>How a sign-in ended. Only <see cref="Success"/> carries the account.</summary>
public enum SignInOutcome
{
    Success,

    /// <summary>Unknown name or wrong password: the two are never told apart.</summary>
    Refused,

    LockedOut,
    Disabled,
}

/// <summary>The outcome of a sign-in, with the account when it succeeded and the end of a lockout when there is one.</summary>
public sealed record SignInResult(SignInOutcome Outcome, Account? Account = null, DateTimeOffset? LockedUntil = null);

/// <summary>
/// Checks a name and password. After <see cref="MaximumFailures"/> wrong passwords in a row the account is locked for
/// <see cref="LockoutDuration"/>, and no password opens it meanwhile, not even the right one.
/// </summary>
public sealed class AccountSignIn(IAccountStore accounts, TimeProvider clock)
{
    public const int MaximumFailures = 5;

    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public async Task<SignInResult> SignInAsync(string? name, string? password, CancellationToken cancellationToken = default)
    {
        var account = string.IsNullOrWhiteSpace(name) ? null : await accounts.FindAsync(AccountRules.Normalise(name), cancellationToken);
        // Checked even for an unknown name, so that the time taken does not tell which names exist. A password longer
        // than any that can be set is wrong without being hashed in full.
        var tooLong = password?.Length > AccountRules.MaximumPasswordLength;
        var matches = Passwords.Verify(account?.PasswordHash, tooLong ? string.Empty : password ?? string.Empty, out var rehash) && !tooLong;
        if (account is null)
        {
            return new SignInResult(SignInOutcome.Refused);
        }

        var now = clock.GetUtcNow();
        if (account.LockedUntil is { } until && until > now)
        {
            return new SignInResult(SignInOutcome.LockedOut, LockedUntil: until);
        }

        if (!matches)
        {
            var failures = account.FailedSignIns + 1;
            var locked = failures >= MaximumFailures ? now + LockoutDuration : (DateTimeOffset?)null;
            await accounts.UpdateAsync(account with { FailedSignIns = locked is null ? failures : 0, LockedUntil = locked }, cancellationToken);
            return locked is null ? new SignInResult(SignInOutcome.Refused) : new SignInResult(SignInOutcome.LockedOut, LockedUntil: locked);
        }

        if (account.Disabled)
        {
            return new SignInResult(SignInOutcome.Disabled);
        }

        var signedIn = account with
        {
            FailedSignIns = 0,
            LockedUntil = null,
            PasswordHash = rehash ? Passwords.Hash(password!) : account.PasswordHash,
        };
        if (signedIn != account)
        {
            await accounts.UpdateAsync(signedIn, cancellationToken);
        }

        return new SignInResult(SignInOutcome.Success, signedIn);
    }
}
