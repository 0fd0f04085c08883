using UjDatabase.Core.Accounts;

namespace UjDatabase.Core.Tests;

/// <summary>Signing in, locking out, and changing accounts, over a store in memory.</summary>
public class AccountTests
{
    private const string Password = "correct horse battery";

    private readonly MemoryAccounts accounts = new();
    private readonly MovableClock clock = new();

    private AccountSignIn SignIn => new(accounts, clock);

    private AccountAdministration Admin => new(accounts, clock);

    [Fact]
    public async Task The_right_password_signs_in_and_a_wrong_one_or_an_unknown_name_is_refused_alike()
    {
        Assert.True((await Admin.AddAsync("Alice", AccountRole.Editor, Password)).Done);

        var signedIn = await SignIn.SignInAsync(" ALICE ", Password);
        Assert.Equal(SignInOutcome.Success, signedIn.Outcome);
        Assert.Equal("alice", signedIn.Account!.Name);
        Assert.Equal(SignInOutcome.Refused, (await SignIn.SignInAsync("alice", "wrong password here")).Outcome);
        Assert.Equal(SignInOutcome.Refused, (await SignIn.SignInAsync("nobody", Password)).Outcome);
        Assert.Equal(SignInOutcome.Refused, (await SignIn.SignInAsync(null, null)).Outcome);
    }

    [Fact]
    public async Task The_password_is_kept_only_as_a_hash()
    {
        await Admin.AddAsync("alice", AccountRole.Editor, Password);

        var stored = await accounts.FindAsync("alice");

        Assert.DoesNotContain(Password, stored!.PasswordHash, StringComparison.Ordinal);
        Assert.True(Passwords.Verify(stored.PasswordHash, Password, out _));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one_until_the_lockout_ends()
    {
        await Admin.AddAsync("alice", AccountRole.Editor, Password);
        for (var i = 1; i < AccountSignIn.MaximumFailures; i++)
        {
            Assert.Equal(SignInOutcome.Refused, (await SignIn.SignInAsync("alice", "wrong password " + i)).Outcome);
        }

        var locked = await SignIn.SignInAsync("alice", "wrong password again");
        Assert.Equal(SignInOutcome.LockedOut, locked.Outcome);
        Assert.Equal(clock.GetUtcNow() + AccountSignIn.LockoutDuration, locked.LockedUntil);
        Assert.Equal(SignInOutcome.LockedOut, (await SignIn.SignInAsync("alice", Password)).Outcome);

        clock.Advance(AccountSignIn.LockoutDuration + TimeSpan.FromSeconds(1));
        Assert.Equal(SignInOutcome.Success, (await SignIn.SignInAsync("alice", Password)).Outcome);
    }

    [Fact]
    public async Task A_success_clears_the_count_of_failures()
    {
        await Admin.AddAsync("alice", AccountRole.Editor, Password);
        for (var i = 1; i < AccountSignIn.MaximumFailures; i++)
        {
            await SignIn.SignInAsync("alice", "wrong password " + i);
        }

        await SignIn.SignInAsync("alice", Password);

        Assert.Equal(SignInOutcome.Refused, (await SignIn.SignInAsync("alice", "wrong password once more")).Outcome);
        Assert.Equal(1, (await accounts.FindAsync("alice"))!.FailedSignIns);
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in()
    {
        await Admin.AddAsync("alice", AccountRole.Editor, Password);
        await Admin.SetDisabledAsync("alice", true);

        Assert.Equal(SignInOutcome.Disabled, (await SignIn.SignInAsync("alice", Password)).Outcome);
    }

    [Fact]
    public async Task A_new_password_role_or_disabling_gives_a_new_security_stamp_and_nothing_else_does()
    {
        await Admin.AddAsync("alice", AccountRole.Editor, Password);
        var stamps = new List<string> { (await accounts.FindAsync("alice"))!.SecurityStamp };
        async Task Stamp() => stamps.Add((await accounts.FindAsync("alice"))!.SecurityStamp);

        await Admin.SetRoleAsync("alice", AccountRole.Editor);
        await Stamp();
        await Admin.SetPasswordAsync("alice", "another good password");
        await Stamp();
        await Admin.SetRoleAsync("alice", AccountRole.Admin);
        await Stamp();
        await Admin.SetDisabledAsync("alice", true);
        await Stamp();

        Assert.Equal(stamps[0], stamps[1]);
        Assert.Equal(4, stamps.Distinct().Count());
        Assert.Equal(SignInOutcome.Refused, (await SignIn.SignInAsync("alice", Password)).Outcome);
    }

    [Theory]
    [InlineData("al", Password, "name")]
    [InlineData("alice smith", Password, "name")]
    [InlineData("1alice", Password, "name")]
    [InlineData("<script>", Password, "name")]
    [InlineData("alice", "short", "password")]
    [InlineData("alice", "aaaaaaaaaaaaaaaa", "password")]
    [InlineData("alice", "twelve chars\u0007ok", "password")]
    [InlineData("", Password, "name")]
    public async Task A_bad_name_or_password_is_refused_naming_the_field(string name, string password, string field)
    {
        var change = await Admin.AddAsync(name, AccountRole.Editor, password);

        Assert.False(change.Done);
        Assert.Equal(field, change.Field);
        Assert.Empty(await accounts.ListAsync());
    }

    [Fact]
    public async Task A_taken_name_is_refused_and_the_first_account_is_kept()
    {
        await Admin.AddAsync("alice", AccountRole.Admin, Password);

        var second = await Admin.AddAsync("ALICE", AccountRole.Editor, "another good password");

        Assert.Equal(("name", "is already an account"), (second.Field, second.Problem));
        Assert.Equal(AccountRole.Admin, (await accounts.FindAsync("alice"))!.Role);
    }

    private sealed class MemoryAccounts : IAccountStore
    {
        private readonly Dictionary<string, Account> byName = new(StringComparer.Ordinal);

        public Task<Account?> FindAsync(string name, CancellationToken cancellationToken = default) => Task.FromResult(byName.GetValueOrDefault(name));

        public Task<IReadOnlyList<Account>> ListAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<Account>>(byName.Values.OrderBy(a => a.Name, StringComparer.Ordinal).ToList());

        public Task<bool> AddAsync(Account account, CancellationToken cancellationToken = default) => Task.FromResult(byName.TryAdd(account.Name, account));

        public Task<bool> UpdateAsync(Account account, CancellationToken cancellationToken = default)
        {
            if (!byName.ContainsKey(account.Name))
            {
                return Task.FromResult(false);
            }

            byName[account.Name] = account;
            return Task.FromResult(true);
        }
    }

    private sealed class MovableClock : TimeProvider
    {
        private DateTimeOffset now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }
}
