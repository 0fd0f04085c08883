using Microsoft.AspNetCore.Identity;

namespace UjDatabase.Core.Accounts;

/// <summary>Password hashes through ASP.NET Core's hasher (PBKDF2 with a random salt per password).</summary>
public static class Passwords
{
    private static readonly PasswordHasher<Account> Hasher = new();

    /// <summary>A hash that stands for no password: checked against when the name is unknown, so that both take as long.</summary>
    private static readonly string Nothing = Hasher.HashPassword(null!, AccountRules.NewPassword());

    public static string Hash(string password) => Hasher.HashPassword(null!, password);

    /// <summary>Whether the password is the one hashed; <paramref name="rehash"/> when the hash should be renewed (older parameters).</summary>
    public static bool Verify(string? hash, string password, out bool rehash)
    {
        var result = Hasher.VerifyHashedPassword(null!, hash ?? Nothing, password);
        rehash = result == PasswordVerificationResult.SuccessRehashNeeded;
        return hash is not null && result != PasswordVerificationResult.Failed;
    }
}
