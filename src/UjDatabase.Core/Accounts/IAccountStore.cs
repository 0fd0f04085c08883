namespace UjDatabase.Core.Accounts;

/// <summary>Where accounts are kept: beside the records, in the profile's store (SQLite or SQL Server).</summary>
public interface IAccountStore
{
    /// <summary>The account of this (normalised) name, or null.</summary>
    Task<Account?> FindAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Every account, by name.</summary>
    Task<IReadOnlyList<Account>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds an account; false, and nothing changed, when the name is taken.</summary>
    Task<bool> AddAsync(Account account, CancellationToken cancellationToken = default);

    /// <summary>Replaces the stored account of <paramref name="account"/>'s name; false when there is none.</summary>
    Task<bool> UpdateAsync(Account account, CancellationToken cancellationToken = default);
}
