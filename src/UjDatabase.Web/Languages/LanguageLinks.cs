using Microsoft.AspNetCore.Diagnostics;
using UjDatabase.Core.Languages;

namespace UjDatabase.Web.Languages;

/// <summary>The addresses of a page in each language: the prefix, the switch, and the <c>hreflang</c> alternates.</summary>
public static class LanguageLinks
{
    /// <summary>A site path in one language: <c>/search?q=x</c> in French is <c>/fr/search?q=x</c>.</summary>
    public static string In(string language, string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        return language == Texts.English ? pathAndQuery : "/" + language + (pathAndQuery == "/" ? string.Empty : pathAndQuery);
    }

    /// <summary>A site path in the language of the page being written (the current culture, set per request).</summary>
    public static string Local(string pathAndQuery) => In(Texts.Current, pathAndQuery);

    /// <summary>
    /// The page's own path and query without its language prefix; for an error page, the address that failed, so
    /// that the switch and the alternates name the page the reader asked for.
    /// </summary>
    public static string PageOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is { } reExecuted)
        {
            return reExecuted.OriginalPath + reExecuted.OriginalQueryString;
        }

        return context.Request.Path + context.Request.QueryString;
    }

    /// <summary>A language's name in itself, as the switch offers it ("Français").</summary>
    public static string NameOf(string language)
    {
        var name = Texts.CultureOf(language).NativeName;
        return name.Length == 0 ? language : char.ToUpper(name[0], Texts.CultureOf(language)) + name[1..];
    }

    /// <summary>The language switch's address: it keeps the choice in the culture cookie and opens the page in that language.</summary>
    public static string Switch(string language, string page) =>
        $"/language/{language}?return={Uri.EscapeDataString(page)}";
}
