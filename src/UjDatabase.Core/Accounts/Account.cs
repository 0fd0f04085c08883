namespace UjDatabase.Core.Accounts;

/// <summary>What an account may do: editors keep the records, admins also manage accounts.</summary>
public enum AccountRole
{
    Editor,
    Admin,
}

/// <summary>
/// Someone who may edit: a name, a role, a password hash (never the password), and what ends their sessions: the
/// security stamp changes with the password or the role, and every cookie issued under the old stamp stops working.
/// </summary>
public sealed record Account(
    string Name,
    AccountRole Role,
    string PasswordHash,
    string SecurityStamp,
    bool Disabled,
    int FailedSignIns,
    DateTimeOffset? LockedUntil,
    DateTimeOffset CreatedAt);
