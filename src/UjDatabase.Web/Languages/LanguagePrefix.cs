using System.Globalization;
using Microsoft.AspNetCore.Localization;
using UjDatabase.Core.Languages;

namespace UjDatabase.Web.Languages;

/// <summary>
/// Reads the language from the address: <c>/fr/search?…</c> is the French search. The prefix moves into
/// <c>PathBase</c>, so that every page, route, rate limit and link made with <c>~/</c> sees the same path as in
/// English. An address without a prefix is English, except that a reader who chose another language (the culture
/// cookie) is sent to that language's address of the page; an explicit prefix always wins over the cookie.
/// </summary>
public sealed class LanguagePrefix(RequestDelegate next)
{
    /// <summary>The first segments of the public pages, which follow a reader's chosen language (the API, feeds and files never do).</summary>
    private static readonly string[] PageRoots = ["/search", "/cases", "/countries", "/situations", "/groups", "/map", "/stats"];

    private const string EditorsArea = "/admin";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        foreach (var language in Texts.Languages.Skip(1))
        {
            if (request.Path.StartsWithSegments("/" + language, StringComparison.Ordinal, out var rest))
            {
                if (rest.StartsWithSegments(EditorsArea, StringComparison.OrdinalIgnoreCase))
                {
                    // The editors' area is English only for now: its French address leads to it, and takes no posts.
                    if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                    {
                        context.Response.Redirect(rest + request.QueryString);
                        return Task.CompletedTask;
                    }

                    return next(context);
                }

                request.PathBase = request.PathBase.Add("/" + language);
                request.Path = rest.HasValue ? rest : "/";
                return next(context);
            }
        }

        if (IsPage(request))
        {
            // Unprefixed pages answer differently for a reader who chose a language: caches must keep them apart.
            context.Response.Headers.Vary = "Cookie";
            if (Chosen(request) is { } chosen && chosen != Texts.English)
            {
                context.Response.Redirect(LanguageLinks.In(chosen, request.Path + request.QueryString));
                return Task.CompletedTask;
            }
        }

        return next(context);
    }

    /// <summary>The language a reader chose with the switch (the standard culture cookie), if it is one of the site's.</summary>
    public static string? Chosen(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var value = request.Cookies[CookieRequestCultureProvider.DefaultCookieName];
        if (string.IsNullOrEmpty(value) || value.Length > 100)
        {
            return null;
        }

        var culture = CookieRequestCultureProvider.ParseCookieValue(value)?.UICultures.FirstOrDefault().Value;
        return culture is not null && Texts.Languages.Contains(culture) ? culture : null;
    }

    /// <summary>The language of the request: its address's prefix, else English.</summary>
    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var pathBase = context.Request.PathBase.Value ?? string.Empty;
        return Texts.Languages.Skip(1).FirstOrDefault(l => pathBase.EndsWith("/" + l, StringComparison.Ordinal)) ?? Texts.English;
    }

    /// <summary>Sets the request's culture from its prefix, through ASP.NET Core's request localisation.</summary>
    public static void Configure(RequestLocalizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var cultures = Texts.Languages.Select(CultureInfo.GetCultureInfo).ToList();
        options.DefaultRequestCulture = new RequestCulture(Texts.English);
        options.SupportedCultures = cultures;
        options.SupportedUICultures = cultures;
        options.RequestCultureProviders = [new CustomRequestCultureProvider(context => Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(Of(context))))];
    }

    private static bool IsPage(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && (request.Path == "/" || PageRoots.Any(root => request.Path.StartsWithSegments(root, StringComparison.OrdinalIgnoreCase)));
}
