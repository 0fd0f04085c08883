using System.Globalization;
using System.Resources;

namespace UjDatabase.Core.Languages;

/// <summary>
/// The site's languages and the one way to say our own words in them: English is written in the code, and each other
/// language has a resource file (<c>Texts.fr.resx</c>) keyed by the English text, so a changed English sentence needs
/// a new translation (a test finds any English text without one).
/// </summary>
public static class Texts
{
    /// <summary>The default language: unprefixed addresses, machine outputs, the command line.</summary>
    public const string English = "en";

    public const string French = "fr";

    /// <summary>Every language of the site, the default first.</summary>
    public static IReadOnlyList<string> Languages { get; } = [English, French];

    private static readonly ResourceManager Resources = new("UjDatabase.Core.Languages.Texts", typeof(Texts).Assembly);

    /// <summary>
    /// The language of the text being written: a site language only when the current UI culture is exactly that
    /// language (the web app sets "fr" per request). A machine's own locale (fr-FR on a French server) never turns
    /// index documents, logs or the command line's outputs into French.
    /// </summary>
    public static string Current => CultureInfo.CurrentUICulture.Name is var name && name != English && Languages.Contains(name) ? name : English;

    /// <summary>The culture of a site language (numbers and dates shown to people are formatted in it).</summary>
    public static CultureInfo CultureOf(string language) => CultureInfo.GetCultureInfo(language);

    /// <summary>Our English text in the current language; the English itself where a translation is missing.</summary>
    public static string T(string english)
    {
        ArgumentNullException.ThrowIfNull(english);
        var language = Current;
        return language == English ? english : Resources.GetString(english, CultureOf(language)) ?? english;
    }

    /// <summary>A composite format (English, with {0} placeholders) translated, then filled in the current culture.</summary>
    public static string T(string englishFormat, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, T(englishFormat), args);

    /// <summary>The translation of an English text into one language, or null where it has none (for the tests that find missing ones).</summary>
    public static string? Find(string english, string language) =>
        language == English ? english : Resources.GetString(english, CultureOf(language));
}
