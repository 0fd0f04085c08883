using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using UjDatabase.Core.Accounts;

namespace UjDatabase.Web.Tests;

/// <summary>The app, with a way to add accounts as <c>ujdb user add</c> does.</summary>
public sealed class EditorsAppFactory : FreshAppFactory
{
    public const string AdminPassword = "the admin's long password";
    public const string EditorPassword = "the editor's long password";

    /// <summary>Creates an account through the app's own administration (as ujdb user add does).</summary>
    public async Task AddAsync(string name, AccountRole role, string password)
    {
        var change = await Services.GetRequiredService<AccountAdministration>().AddAsync(name, role, password);
        Assert.True(change.Done || change.Problem == "is already an account", change.Problem);
    }

    /// <summary>A client signed in through the sign-in form as a new account (redirects not followed).</summary>
    public async Task<HttpClient> SignedInAsync(string name, AccountRole role = AccountRole.Editor)
    {
        await AddAsync(name, role, role == AccountRole.Admin ? AdminPassword : EditorPassword);
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await EditorSignIn.PostAsync(client, name, role == AccountRole.Admin ? AdminPassword : EditorPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}

/// <summary>Who may open the editors' area, sign-in and its lockout, sessions that end, and forged posts.</summary>
public sealed partial class EditorAccessTests(EditorsAppFactory factory) : IClassFixture<EditorsAppFactory>
{
    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static async Task<string> TokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        return AntiForgery.Token(html);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string url, params (string Key, string Value)[] fields)
    {
        var token = await TokenAsync(client, page);
        return await client.PostAsync(url, new FormUrlEncodedContent([.. fields.Select(f => KeyValuePair.Create(f.Key, f.Value)), KeyValuePair.Create("__RequestVerificationToken", token)]));
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string name, string password, string? returnUrl = null) =>
        PostAsync(client, "/admin/sign-in", "/admin/sign-in", ("Name", name), ("Password", password), ("ReturnUrl", returnUrl ?? string.Empty));

    private async Task<HttpClient> SignedInAsync(string name, AccountRole role, string password)
    {
        await factory.AddAsync(name, role, password);
        var client = Client();
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, name, password)).StatusCode);
        return client;
    }

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/accounts")]
    [InlineData("/admin/password")]
    [InlineData("/admin/sign-out")]
    [InlineData("/admin/cases/new")]
    [InlineData("/admin/cases/raslan-koblenz/edit")]
    [InlineData("/admin/cases/raslan-koblenz/development")]
    [InlineData("/admin/cases/raslan-koblenz/history")]
    [InlineData("/admin/drafts/1")]
    public async Task Every_admin_page_sends_an_anonymous_reader_to_sign_in(string url)
    {
        var response = await Client().GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/sign-in", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task An_anonymous_post_to_an_admin_page_changes_nothing()
    {
        var response = await Client().PostAsync("/admin/accounts?handler=Add", new FormUrlEncodedContent([KeyValuePair.Create("Name", "intruder"), KeyValuePair.Create("Role", "admin")]));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(await factory.Services.GetRequiredService<IAccountStore>().FindAsync("intruder"));
    }

    [Fact]
    public async Task An_editor_is_refused_the_accounts_page_and_an_admin_gets_it()
    {
        var editor = await SignedInAsync("editor-a", AccountRole.Editor, EditorsAppFactory.EditorPassword);
        var admin = await SignedInAsync("admin-a", AccountRole.Admin, EditorsAppFactory.AdminPassword);

        var refused = await editor.GetAsync("/admin/accounts");
        Assert.Equal("/admin/denied", refused.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/admin/denied")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/accounts")).StatusCode);
    }

    [Fact]
    public async Task The_sign_in_cookie_is_http_only_and_same_site_strict()
    {
        await factory.AddAsync("editor-cookie", AccountRole.Editor, EditorsAppFactory.EditorPassword);

        var response = await SignInAsync(Client(), "editor-cookie", EditorsAppFactory.EditorPassword);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ujdb-editor=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_name_get_the_same_answer()
    {
        await factory.AddAsync("editor-b", AccountRole.Editor, EditorsAppFactory.EditorPassword);

        var wrong = await SignInAsync(Client(), "editor-b", "not the password at all");
        var unknown = await SignInAsync(Client(), "nobody-here", "not the password at all");

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("The name or the password is wrong.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("The name or the password is wrong.", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_on_the_web_even_against_the_right_one()
    {
        await factory.AddAsync("editor-locked", AccountRole.Editor, EditorsAppFactory.EditorPassword);
        for (var i = 0; i < AccountSignIn.MaximumFailures; i++)
        {
            await SignInAsync(Client(), "editor-locked", "wrong password number " + i);
        }

        var right = await SignInAsync(Client(), "editor-locked", EditorsAppFactory.EditorPassword);

        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.Contains("locked after too many wrong passwords", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_its_anti_forgery_token_is_refused_and_changes_nothing()
    {
        var admin = await SignedInAsync("admin-b", AccountRole.Admin, EditorsAppFactory.AdminPassword);

        var response = await admin.PostAsync("/admin/accounts?handler=Add", new FormUrlEncodedContent([KeyValuePair.Create("Name", "forged"), KeyValuePair.Create("Role", "admin")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await factory.Services.GetRequiredService<IAccountStore>().FindAsync("forged"));
    }

    [Fact]
    public async Task A_new_password_set_elsewhere_ends_the_session_at_its_next_request()
    {
        var editor = await SignedInAsync("editor-c", AccountRole.Editor, EditorsAppFactory.EditorPassword);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/admin")).StatusCode);

        await factory.Services.GetRequiredService<AccountAdministration>().SetPasswordAsync("editor-c", "a brand new long password");

        var after = await editor.GetAsync("/admin");
        Assert.Equal("/admin/sign-in", after.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task A_role_taken_away_or_a_disabled_account_ends_the_session()
    {
        var admin = await SignedInAsync("admin-c", AccountRole.Admin, EditorsAppFactory.AdminPassword);
        var editor = await SignedInAsync("editor-d", AccountRole.Editor, EditorsAppFactory.EditorPassword);
        var administration = factory.Services.GetRequiredService<AccountAdministration>();

        await administration.SetRoleAsync("admin-c", AccountRole.Editor);
        await administration.SetDisabledAsync("editor-d", true);

        Assert.Equal("/admin/sign-in", (await admin.GetAsync("/admin/accounts")).Headers.Location!.AbsolutePath);
        Assert.Equal("/admin/sign-in", (await editor.GetAsync("/admin")).Headers.Location!.AbsolutePath);
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example")]
    public async Task After_sign_in_a_return_address_off_the_site_leads_to_the_editors_area_instead(string returnUrl)
    {
        await factory.AddAsync("editor-e", AccountRole.Editor, EditorsAppFactory.EditorPassword);

        var response = await SignInAsync(Client(), "editor-e", EditorsAppFactory.EditorPassword, returnUrl);

        Assert.Equal("/admin", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_admin_adds_an_account_with_a_password_shown_once_that_signs_in()
    {
        var admin = await SignedInAsync("admin-d", AccountRole.Admin, EditorsAppFactory.AdminPassword);

        var response = await PostAsync(admin, "/admin/accounts", "/admin/accounts?handler=Add", ("Name", "New-Editor"), ("Role", "editor"));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var password = Password().Match(html).Groups[1].Value;
        Assert.Equal(20, password.Length);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(Client(), "new-editor", password)).StatusCode);
        Assert.DoesNotContain(password, await admin.GetStringAsync("/admin/accounts"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_cannot_disable_or_demote_their_own_account()
    {
        var admin = await SignedInAsync("admin-e", AccountRole.Admin, EditorsAppFactory.AdminPassword);

        var disable = await PostAsync(admin, "/admin/accounts", "/admin/accounts?handler=Disable", ("Name", "admin-e"));
        var demote = await PostAsync(admin, "/admin/accounts", "/admin/accounts?handler=Role", ("Name", "ADMIN-E"), ("Role", "editor"));

        Assert.Equal(HttpStatusCode.BadRequest, disable.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, demote.StatusCode);
        var stored = await factory.Services.GetRequiredService<IAccountStore>().FindAsync("admin-e");
        Assert.Equal((false, AccountRole.Admin), (stored!.Disabled, stored.Role));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("a'\"><img src=x onerror=alert(1)>")]
    [InlineData("robert'); DROP TABLE accounts;--")]
    [InlineData("\u0007bell\r\nX-Injected: 1")]
    public async Task A_hostile_account_name_is_refused_with_a_message_and_never_echoed_as_markup(string name)
    {
        var admin = await SignedInAsync("admin-f", AccountRole.Admin, EditorsAppFactory.AdminPassword);

        var response = await PostAsync(admin, "/admin/accounts", "/admin/accounts?handler=Add", ("Name", name), ("Role", "editor"));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Nothing was changed: the name must be 3 to 64", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/accounts")).StatusCode);
    }

    [Theory]
    [InlineData("/admin/cases/raslan-koblenz/history?handler=Nonsense")]
    [InlineData("/admin/drafts/1?handler=%00")]
    [InlineData("/admin?handler=Publish")]
    public async Task A_post_naming_an_action_the_page_does_not_have_is_not_found(string address)
    {
        var editor = await factory.SignedInAsync("editor-unknown-action");
        var token = AntiForgery.Token(await editor.GetStringAsync("/admin/cases/new"));

        var response = await editor.PostAsync(address, new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_development_posted_from_the_form_changes_the_charge_stage_it_names_and_keeps_the_others()
    {
        var editor = await SignedInAsync("editor-stages", AccountRole.Editor, EditorsAppFactory.EditorPassword);
        var form = await editor.GetStringAsync("/admin/cases/raslan-koblenz/development");
        var version = Regex.Match(form, "name=\"Input.Version\" value=\"(\\d+)\"").Groups[1].Value;

        var response = await editor.PostAsync("/admin/cases/raslan-koblenz/development", new FormUrlEncodedContent(
        [
            KeyValuePair.Create("Input.Date", "2026-11-15"),
            KeyValuePair.Create("Input.Type", "verdict_appeal"),
            KeyValuePair.Create("Input.Outcome", "acquitted"),
            KeyValuePair.Create("Input.SourceUrl", "https://example.org/stages"),
            KeyValuePair.Create("Input.SourceTitle", "Stages report"),
            KeyValuePair.Create("Input.ChargeStages[0]", "acquitted"),
            KeyValuePair.Create("Input.ChargeStages[1]", string.Empty),
            KeyValuePair.Create("Input.Verdict", "partially_convicted"),
            KeyValuePair.Create("Input.Version", version),
            KeyValuePair.Create("__RequestVerificationToken", AntiForgery.Token(form)),
        ]));

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, System.Text.RegularExpressions.Regex.Match(await response.Content.ReadAsStringAsync(), "field-problem\">[^<]*").Value);
        var record = await factory.Services.GetRequiredService<UjDatabase.Core.Storage.ICaseStore>().GetAsync("raslan-koblenz");
        Assert.Equal(["acquitted", "convicted"], record!.Charges.Select(c => c.Stage));
        Assert.Equal("verdict_appeal", record.Events[^1].Type);
        Assert.Equal("partially_convicted", record.Verdict);
    }

    [Fact]
    public async Task Changing_ones_own_password_needs_the_current_one_and_keeps_this_session()
    {
        var editor = await SignedInAsync("editor-f", AccountRole.Editor, EditorsAppFactory.EditorPassword);

        var wrong = await PostAsync(editor, "/admin/password", "/admin/password", ("Current", "not my password at all"), ("NewPassword", "my next long password"), ("Repeat", "my next long password"));
        var right = await PostAsync(editor, "/admin/password", "/admin/password", ("Current", EditorsAppFactory.EditorPassword), ("NewPassword", "my next long password"), ("Repeat", "my next long password"));

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(Client(), "editor-f", "my next long password")).StatusCode);
    }


    [GeneratedRegex("<code class=\"password\">([^<]+)</code>")]
    private static partial Regex Password();
}

/// <summary>Forms Kestrel itself must refuse (the in-memory test server does not enforce request size limits).</summary>
public sealed class EditorFormLimitTests(KestrelApp app) : IClassFixture<KestrelApp>
{
    [Theory]
    [InlineData("editor-huge", 100_000)]
    [InlineData("editor\u0000nul", 20)]
    public async Task A_sign_in_form_too_large_or_unreadable_is_a_400_page_and_signs_no_one_in(string name, int passwordLength)
    {
        var database = new UjDatabase.Embedded.SqliteDatabase(Path.Combine(app.DataDirectory, "ujdb.sqlite"));
        var accounts = new UjDatabase.Embedded.Accounts.SqliteAccountStore(database);
        await new AccountAdministration(accounts, TimeProvider.System).AddAsync("editor-huge", AccountRole.Editor, EditorsAppFactory.EditorPassword);
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = new Uri(app.BaseUrl) };
        var token = AntiForgery.Token(await client.GetStringAsync("/admin/sign-in"));

        var response = await client.PostAsync("/admin/sign-in", new FormUrlEncodedContent([KeyValuePair.Create("Name", name), KeyValuePair.Create("Password", new string('x', passwordLength)), KeyValuePair.Create("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The request could not be understood", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("ujdb-editor=", StringComparison.Ordinal)));
        Assert.Equal(0, (await accounts.FindAsync("editor-huge"))!.FailedSignIns);
    }

}

/// <summary>The sign-in limit per address, on its own app so that it does not count other tests' sign-ins.</summary>
public sealed class SignInLimitTests(SignInLimitFactory factory) : IClassFixture<SignInLimitFactory>
{
    [Fact]
    public async Task Sign_in_posts_over_the_limit_per_address_get_429_while_reading_goes_on()
    {
        var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.PostAsync("/admin/sign-in", new FormUrlEncodedContent([KeyValuePair.Create("Name", "x"), KeyValuePair.Create("Password", "y")]))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(3, statuses.Count(s => s != HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/cases/raslan-koblenz")).StatusCode);
    }
}

/// <summary>The app with three sign-in posts a minute per address.</summary>
public sealed class SignInLimitFactory : FreshAppFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string> { ["UJDB_RATE_SIGN_IN"] = "3" };
}
