using System.Globalization;
using Dapper;
using UjDatabase.Core.Accounts;

namespace UjDatabase.Embedded.Accounts;

/// <summary>The accounts in the embedded store's SQLite file.</summary>
public sealed class SqliteAccountStore(SqliteDatabase database) : IAccountStore
{
    public Task<Account?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        return Task.FromResult(connection.QuerySingleOrDefault<AccountRow>(SqliteStatements.AccountFind, new { name })?.ToAccount());
    }

    public Task<IReadOnlyList<Account>> ListAsync(CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        return Task.FromResult<IReadOnlyList<Account>>(connection.Query<AccountRow>(SqliteStatements.AccountList).Select(r => r.ToAccount()).ToList());
    }

    public Task<bool> AddAsync(Account account, CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        return Task.FromResult(connection.Execute(SqliteStatements.AccountAdd, Parameters(account)) == 1);
    }

    public Task<bool> UpdateAsync(Account account, CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        return Task.FromResult(connection.Execute(SqliteStatements.AccountUpdate, Parameters(account)) == 1);
    }

    private static object Parameters(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new
        {
            name = account.Name,
            role = AccountRules.Word(account.Role),
            passwordHash = account.PasswordHash,
            securityStamp = account.SecurityStamp,
            disabled = account.Disabled ? 1 : 0,
            failedSignIns = account.FailedSignIns,
            lockedUntil = account.LockedUntil?.ToString("O", CultureInfo.InvariantCulture),
            createdAt = account.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>An accounts row as SQLite gives it back (times as ISO 8601 text).</summary>
    private sealed record AccountRow(string Name, string Role, string PasswordHash, string SecurityStamp, long Disabled, long FailedSignIns, string? LockedUntil, string CreatedAt)
    {
        public Account ToAccount() => new(
            Name,
            AccountRules.ParseRole(Role) ?? AccountRole.Editor,
            PasswordHash,
            SecurityStamp,
            Disabled != 0,
            (int)FailedSignIns,
            LockedUntil is null ? null : DateTimeOffset.Parse(LockedUntil, CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(CreatedAt, CultureInfo.InvariantCulture));
    }
}
