using Dapper;
using UjDatabase.Core.Accounts;

namespace UjDatabase.Server.SqlServer;

/// <summary>The accounts in SQL Server, beside the records.</summary>
public sealed class SqlServerAccountStore(SqlServerDatabase database) : IAccountStore
{
    public async Task<Account?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QuerySingleOrDefaultAsync<AccountRow>(SqlServerStatements.AccountFind, new { name }))?.ToAccount();
    }

    public async Task<IReadOnlyList<Account>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<AccountRow>(SqlServerStatements.AccountList)).Select(r => r.ToAccount()).ToList();
    }

    public async Task<bool> AddAsync(Account account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var role = AccountRules.Word(account.Role);
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(SqlServerStatements.AccountAdd, new { name = account.Name, role, passwordHash = account.PasswordHash, securityStamp = account.SecurityStamp, disabled = account.Disabled, failedSignIns = account.FailedSignIns, lockedUntil = account.LockedUntil, createdAt = account.CreatedAt }) == 1;
    }

    public async Task<bool> UpdateAsync(Account account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var role = AccountRules.Word(account.Role);
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(SqlServerStatements.AccountUpdate, new { name = account.Name, role, passwordHash = account.PasswordHash, securityStamp = account.SecurityStamp, disabled = account.Disabled, failedSignIns = account.FailedSignIns, lockedUntil = account.LockedUntil }) == 1;
    }

    /// <summary>An accounts row as SQL Server gives it back.</summary>
    private sealed record AccountRow(string Name, string Role, string PasswordHash, string SecurityStamp, bool Disabled, int FailedSignIns, DateTimeOffset? LockedUntil, DateTimeOffset CreatedAt)
    {
        public Account ToAccount() => new(Name, AccountRules.ParseRole(Role) ?? AccountRole.Editor, PasswordHash, SecurityStamp, Disabled, FailedSignIns, LockedUntil, CreatedAt);
    }
}
