using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using UjDatabase.Core.Accounts;
using UjDatabase.Core.Storage;

namespace UjDatabase.Web.Setup;

/// <summary>
/// Who may use the editors' area (/admin): cookie sign-in for accounts, an editor policy and an admin policy. A
/// cookie names its account and the account's security stamp; every request that carries one checks both against the
/// store, so a new password, a new role or disabling ends every session at once. Readers carry no cookie and pay nothing.
/// </summary>
public static class EditorAccess
{
    public const string EditorPolicy = "editor";
    public const string AdminPolicy = "admin";
    public const string CookieName = "ujdb-editor";
    public const string KeysDirectoryKey = "UJDB_KEYS_DIR";

    private const string StampClaim = "ujdb:stamp";

    public static IServiceCollection AddEditorAccess(this IServiceCollection services, IConfiguration configuration, SiteSettings site)
    {
        ArgumentNullException.ThrowIfNull(site);
        services.AddSingleton(sp => new AccountSignIn(sp.GetRequiredService<IAccountStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new AccountAdministration(sp.GetRequiredService<IAccountStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(options =>
        {
            options.LoginPath = "/admin/sign-in";
            options.LogoutPath = "/admin/sign-out";
            options.AccessDeniedPath = "/admin/denied";
            options.Cookie.Name = CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = site.PublicUrl.Scheme == Uri.UriSchemeHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = ValidateAsync;
        });
        services.AddAuthorization(options =>
        {
            options.AddPolicy(EditorPolicy, policy => policy.RequireRole(AccountRules.Word(AccountRole.Editor), AccountRules.Word(AccountRole.Admin)));
            options.AddPolicy(AdminPolicy, policy => policy.RequireRole(AccountRules.Word(AccountRole.Admin)));
        });

        // The keys that protect the sign-in cookie and the anti-forgery tokens are kept on disk, so that sessions
        // survive a restart; several web nodes must share the directory.
        services.AddDataProtection().SetApplicationName("UjDatabase");
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((options, sp) =>
        {
            var directory = configuration[KeysDirectoryKey] is { Length: > 0 } keys ? keys : Path.Combine(sp.GetRequiredService<StorageSettings>().DataDirectory, "keys");
            options.XmlRepository = new FileSystemXmlRepository(Directory.CreateDirectory(directory), sp.GetRequiredService<ILoggerFactory>());
        });
        return services;
    }

    /// <summary>The principal of a signed-in account: its name, its role and its security stamp.</summary>
    public static ClaimsPrincipal Principal(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, account.Name),
                new Claim(ClaimTypes.Role, AccountRules.Word(account.Role)),
                new Claim(StampClaim, account.SecurityStamp),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme);
        return new ClaimsPrincipal(identity);
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var name = principal?.Identity?.Name;
        var accounts = context.HttpContext.RequestServices.GetRequiredService<IAccountStore>();
        var account = name is null ? null : await accounts.FindAsync(name, context.HttpContext.RequestAborted);
        if (account is null
            || account.Disabled
            || principal!.FindFirst(StampClaim)?.Value != account.SecurityStamp
            || !principal.IsInRole(AccountRules.Word(account.Role)))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
