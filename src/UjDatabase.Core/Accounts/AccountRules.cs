using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace UjDatabase.Core.Accounts;

/// <summary>What a name, a role and a password must be; the one place the web forms and <c>ujdb user</c> check them.</summary>
public static partial class AccountRules
{
    public const int MinimumPasswordLength = 12;
    public const int MaximumPasswordLength = 256;

    /// <summary>Names are compared in lower case, so "Alice" and "alice" are one account.</summary>
    public static string Normalise(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToLowerInvariant();
    }

    /// <summary>Why a name cannot be an account's, or null when it can.</summary>
    public static string? NameProblem(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "is required"
        : !NamePattern().IsMatch(Normalise(name)) ? "must be 3 to 64 letters a-z, digits, dots, hyphens or underscores, starting with a letter"
        : null;

    /// <summary>Why a password cannot be used, or null when it can.</summary>
    public static string? PasswordProblem(string? password) =>
        string.IsNullOrEmpty(password) ? "is required"
        : password.Length < MinimumPasswordLength ? $"must be at least {MinimumPasswordLength} characters"
        : password.Length > MaximumPasswordLength ? $"must be at most {MaximumPasswordLength} characters"
        : password.Any(char.IsControl) ? "must not contain control characters"
        : password.Distinct().Count() < 4 ? "must not be one or two characters repeated"
        : null;

    /// <summary>The role a word names ("editor", "admin"), or null.</summary>
    public static AccountRole? ParseRole(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "editor" => AccountRole.Editor,
        "admin" => AccountRole.Admin,
        _ => null,
    };

    /// <summary>The word for a role, as the forms and the command line write it.</summary>
    public static string Word(AccountRole role) => role == AccountRole.Admin ? "admin" : "editor";

    /// <summary>A fresh security stamp: random, so that no old cookie can carry it.</summary>
    public static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    /// <summary>A strong random password (for an account created without one): 20 characters from an unambiguous alphabet.</summary>
    public static string NewPassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, 20);
    }

    [GeneratedRegex("^[a-z][a-z0-9._-]{2,63}$")]
    private static partial Regex NamePattern();
}
