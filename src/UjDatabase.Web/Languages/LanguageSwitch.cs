using Microsoft.AspNetCore.Localization;
using UjDatabase.Core.Languages;
using UjDatabase.Web.Setup;

namespace UjDatabase.Web.Languages;

/// <summary>
/// The language switch: <c>GET /language/fr?return=/search%3Fq%3Dx</c> keeps the reader's choice in ASP.NET Core's
/// culture cookie and sends them to the same page and query in that language. A link (not a form), so that it works
/// without script and under the rule that only the editors' area takes posts.
/// </summary>
public static class LanguageSwitch
{
    private const int MaxReturnLength = 4000;

    public static IEndpointRouteBuilder MapLanguageSwitch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGetAndHead("/language/{language}", (HttpContext context, string language, string? @return) =>
        {
            if (!Texts.Languages.Contains(language))
            {
                return Results.NotFound();
            }

            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
                new CookieOptions
                {
                    MaxAge = TimeSpan.FromDays(365),
                    HttpOnly = true,
                    IsEssential = true,
                    SameSite = SameSiteMode.Lax,
                    Secure = context.Request.IsHttps,
                    Path = "/",
                });
            return Results.Redirect(LanguageLinks.In(language, SafeReturn(@return)));
        });
        return endpoints;
    }

    /// <summary>The page to go back to: a path on this site without a language prefix, else the home page (never another site).</summary>
    public static string SafeReturn(string? path)
    {
        if (string.IsNullOrEmpty(path) || path.Length > MaxReturnLength || path[0] != '/' || path.StartsWith("//", StringComparison.Ordinal)
            || path.Contains('\\', StringComparison.Ordinal) || path.Any(char.IsControl))
        {
            return "/";
        }

        foreach (var language in Texts.Languages.Skip(1))
        {
            var prefix = "/" + language;
            if (path == prefix || path.StartsWith(prefix + "/", StringComparison.Ordinal) || path.StartsWith(prefix + "?", StringComparison.Ordinal))
            {
                return SafeReturn("/" + path[prefix.Length..].TrimStart('/'));
            }
        }

        return path;
    }
}
