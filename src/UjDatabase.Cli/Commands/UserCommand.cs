using System.Globalization;
using UjDatabase.Core.Accounts;
using UjDatabase.Core.Storage;

namespace UjDatabase.Cli.Commands;

/// <summary>
/// <c>ujdb user</c>: adds, lists, disables, enables accounts, resets their passwords and changes their roles. A password
/// never appears on the command line (where other users and the shell history would see it): it is read from standard
/// input with --password-stdin, or made at random and printed once.
/// </summary>
public static class UserCommand
{
    private const string PasswordStdin = "--password-stdin";

    public static async Task<int> RunAsync(string[] args, StorageParts profile, CliConsole console, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(console);
        var fromStdin = args.Count(a => a == PasswordStdin);
        var options = Options.Parse(args.Where(a => a != PasswordStdin).ToArray(), "--role");
        if (options.Error is not null || fromStdin > 1)
        {
            return await console.UsageErrorAsync(options.Error ?? $"{PasswordStdin} is given twice");
        }

        var words = options.Positional;
        var action = words.Count > 0 ? words[0] : null;
        var expected = action switch
        {
            "add" => (Words: 2, Role: true, Password: true),
            "reset-password" => (Words: 2, Role: false, Password: true),
            "list" => (Words: 1, Role: false, Password: false),
            "disable" or "enable" => (Words: 2, Role: false, Password: false),
            "role" => (Words: 3, Role: false, Password: false),
            _ => (Words: -1, Role: false, Password: false),
        };
        if (expected.Words < 0)
        {
            return await console.UsageErrorAsync("user needs one of: add, list, disable, enable, reset-password, role");
        }

        if (words.Count != expected.Words || (options.Get("--role") is not null) != expected.Role || (fromStdin == 1 && !expected.Password))
        {
            return await console.UsageErrorAsync($"usage: {Ujdb.Commands.Single(c => c.Name == "user").Synopsis}");
        }

        await profile.Store.MigrateAsync();
        var admin = new AccountAdministration(profile.Accounts, clock);
        switch (action)
        {
            case "list":
                return await ListAsync(profile.Accounts, console, clock);
            case "add":
                {
                    if (AccountRules.ParseRole(options.Get("--role")) is not { } role)
                    {
                        return await console.UsageErrorAsync($"--role must be editor or admin, not '{options.Get("--role")}'");
                    }

                    var password = fromStdin == 1 ? await console.In.ReadLineAsync() : AccountRules.NewPassword();
                    return await ReportAsync(await admin.AddAsync(words[1], role, password), $"Added {AccountRules.Normalise(words[1])} ({AccountRules.Word(role)}).", fromStdin == 1 ? null : password, console);
                }

            case "reset-password":
                {
                    var password = fromStdin == 1 ? await console.In.ReadLineAsync() : AccountRules.NewPassword();
                    return await ReportAsync(await admin.SetPasswordAsync(words[1], password), $"Set a new password for {AccountRules.Normalise(words[1])}; its sessions have ended.", fromStdin == 1 ? null : password, console);
                }

            case "role":
                return AccountRules.ParseRole(words[2]) is { } newRole
                    ? await ReportAsync(await admin.SetRoleAsync(words[1], newRole), $"{AccountRules.Normalise(words[1])} is now {AccountRules.Word(newRole)}; its sessions have ended.", null, console)
                    : await console.UsageErrorAsync($"the role must be editor or admin, not '{words[2]}'");
            default:
                var disable = action == "disable";
                return await ReportAsync(await admin.SetDisabledAsync(words[1], disable), disable ? $"Disabled {AccountRules.Normalise(words[1])}; its sessions have ended." : $"Enabled {AccountRules.Normalise(words[1])}.", null, console);
        }
    }

    private static async Task<int> ReportAsync(AccountChange change, string done, string? madePassword, CliConsole console)
    {
        if (!change.Done)
        {
            await console.Error.WriteLineAsync($"ujdb: the {change.Field} {change.Problem}.");
            return ExitCodes.InvalidData;
        }

        await console.Out.WriteLineAsync(done);
        if (madePassword is not null)
        {
            // Shown once: only its hash is kept.
            await console.Out.WriteLineAsync($"Password (shown once, give it over a safe channel): {madePassword}");
        }

        return ExitCodes.Ok;
    }

    private static async Task<int> ListAsync(IAccountStore accounts, CliConsole console, TimeProvider clock)
    {
        var all = await accounts.ListAsync();
        if (all.Count == 0)
        {
            await console.Out.WriteLineAsync("No accounts. Add the first admin with: ujdb user add NAME --role admin");
        }

        foreach (var account in all)
        {
            var state = account.Disabled ? "disabled"
                : account.LockedUntil is { } until && until > clock.GetUtcNow() ? $"locked until {until.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC"
                : "active";
            await console.Out.WriteLineAsync($"{account.Name}\t{AccountRules.Word(account.Role)}\t{state}\tsince {account.CreatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        }

        return ExitCodes.Ok;
    }
}
