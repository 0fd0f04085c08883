using UjDatabase.Core.Accounts;
using UjDatabase.Embedded;
using UjDatabase.Embedded.Accounts;
using UjDatabase.Tests;

namespace UjDatabase.Cli.Tests;

/// <summary><c>ujdb user</c> on the embedded store.</summary>
public sealed class UserCommandTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    private sealed record Run(int ExitCode, string Out, string Error);

    private async Task<Run> RunAsync(string? input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new Dictionary<string, string?> { ["UJDB_DATA_DIR"] = directory.File("data") };
        var code = await Ujdb.RunAsync(["user", .. args], output, error, key => environment.GetValueOrDefault(key), input: new StringReader(input ?? string.Empty));
        return new Run(code, output.ToString(), error.ToString());
    }

    private async Task<Account?> StoredAsync(string name)
    {
        Directory.CreateDirectory(directory.File("data"));
        var database = new SqliteDatabase(Path.Combine(directory.File("data"), "ujdb.sqlite"));
        database.Migrate();
        return await new SqliteAccountStore(database).FindAsync(name);
    }

    [Fact]
    public async Task The_first_admin_is_added_with_a_password_read_from_standard_input_and_kept_only_as_a_hash()
    {
        var run = await RunAsync("a long admin password\n", "add", "Alice", "--role", "admin", "--password-stdin");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("Added alice (admin).", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("a long admin password", run.Out, StringComparison.Ordinal);
        var stored = await StoredAsync("alice");
        Assert.Equal(AccountRole.Admin, stored!.Role);
        Assert.True(Passwords.Verify(stored.PasswordHash, "a long admin password", out _));
    }

    [Fact]
    public async Task Without_a_password_a_strong_random_one_is_made_and_printed_once()
    {
        var run = await RunAsync(null, "add", "bob", "--role", "editor");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var password = run.Out.Split("safe channel): ")[1].Trim();
        Assert.Equal(20, password.Length);
        Assert.True(Passwords.Verify((await StoredAsync("bob"))!.PasswordHash, password, out _));
    }

    [Fact]
    public async Task List_disable_enable_role_and_reset_change_the_account_and_end_its_sessions()
    {
        await RunAsync("a long admin password", "add", "alice", "--role", "editor", "--password-stdin");
        var stamp = (await StoredAsync("alice"))!.SecurityStamp;

        Assert.Equal(ExitCodes.Ok, (await RunAsync(null, "role", "alice", "admin")).ExitCode);
        Assert.Equal(AccountRole.Admin, (await StoredAsync("alice"))!.Role);
        Assert.Equal(ExitCodes.Ok, (await RunAsync(null, "disable", "alice")).ExitCode);
        Assert.Contains("alice\tadmin\tdisabled", (await RunAsync(null, "list")).Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, (await RunAsync(null, "enable", "alice")).ExitCode);
        Assert.Equal(ExitCodes.Ok, (await RunAsync("another long password", "reset-password", "alice", "--password-stdin")).ExitCode);

        var stored = await StoredAsync("alice");
        Assert.False(stored!.Disabled);
        Assert.NotEqual(stamp, stored.SecurityStamp);
        Assert.True(Passwords.Verify(stored.PasswordHash, "another long password", out _));
        Assert.Contains("alice\tadmin\tactive", (await RunAsync(null, "list")).Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "add", "alice", "--role", "owner")]
    [InlineData(null, "add", "alice")]
    [InlineData(null, "add", "alice", "--role", "admin", "--password", "secret")]
    [InlineData(null, "list", "--password-stdin")]
    [InlineData(null, "role", "alice", "root")]
    [InlineData(null, "delete", "alice")]
    [InlineData(null)]
    public async Task A_wrong_command_line_is_exit_2_and_changes_nothing(string? input, params string[] args)
    {
        var run = await RunAsync(input, args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith("ujdb: ", run.Error, StringComparison.Ordinal);
        Assert.Null(await StoredAsync("alice"));
    }

    [Theory]
    [InlineData("short", "alice", "the password must be at least 12 characters")]
    [InlineData("a long admin password", "a b", "the name must be 3 to 64")]
    [InlineData("", "alice", "the password is required")]
    public async Task A_bad_name_or_password_is_exit_1_naming_what_is_wrong(string input, string name, string message)
    {
        var run = await RunAsync(input, "add", name, "--role", "admin", "--password-stdin");

        Assert.Equal(ExitCodes.InvalidData, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_an_account_that_does_not_exist_is_exit_1()
    {
        var run = await RunAsync(null, "disable", "nobody");

        Assert.Equal(ExitCodes.InvalidData, run.ExitCode);
        Assert.Contains("the name is not an account", run.Error, StringComparison.Ordinal);
    }
}
