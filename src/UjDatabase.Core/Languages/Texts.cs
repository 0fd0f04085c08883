using System.Globalization;
using System.Reflection;

namespace UjDatabase.Core.Languages;

/// <summary>
/// The site's languages and the one way to say our own words in them: English is written in the code, and each other
/// language has a file (<c>Languages/fr.tsv</c>) of English text and its translation, so that a changed English
/// sentence needs a new translation (a test finds every English text without one).
/// </summary>
/// <remarks>
/// Not .resx: resource names are unique regardless of case (the resource compiler silently keeps one of "Convicted" and
/// "convicted"), and English text as the key needs both. A TSV like <c>countries.tsv</c> is read into an ordinal
/// dictionary instead.
/// </remarks>
public static class Texts
{
    /// <summary>The default language: unprefixed addresses, machine outputs, the command line.</summary>
    public const string English = "en";

    public const string French = "fr";

    /// <summary>Every language of the site, the default first.</summary>
    public static IReadOnlyList<string> Languages { get; } = [English, French];

    private static readonly Dictionary<string, IReadOnlyDictionary<string, string>> Translations =
        Languages.Skip(1).ToDictionary(language => language, Load, StringComparer.Ordinal);

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
        return Find(english, Current) ?? english;
    }

    /// <summary>
    /// An English word another language translates by its sense: "Count" on a button is "Compter", at the head of a
    /// column "Nombre". The translation file holds it as "Count (verb)".
    /// </summary>
    public static string T(string english, Sense sense)
    {
        ArgumentNullException.ThrowIfNull(english);
        var language = Current;
        return language == English ? english : Find($"{english} ({sense.ToString().ToLowerInvariant()})", language) ?? english;
    }

    /// <summary>A composite format (English, with {0} placeholders) translated, then filled in the current culture.</summary>
    public static string T(string englishFormat, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, T(englishFormat), args);

    /// <summary>
    /// A label inside a sentence ("by prosecuting state"): its first letter in lower case, except where the current
    /// language writes the first word with a capital (French "État", "États").
    /// </summary>
    public static string InSentence(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (label.Length == 0 || (Current == French && label.StartsWith("État", StringComparison.Ordinal)))
        {
            return label;
        }

        return char.ToLower(label[0], CultureInfo.InvariantCulture) + label[1..];
    }

    /// <summary>The translation of an English text into one language, or null where it has none.</summary>
    public static string? Find(string english, string language)
    {
        ArgumentNullException.ThrowIfNull(english);
        if (language == English)
        {
            return english;
        }

        return Translations.TryGetValue(language, out var texts) && texts.TryGetValue(english, out var translated) ? translated : null;
    }

    /// <summary>Every English text a language translates (for the tests that hold the files to the code).</summary>
    public static IReadOnlyCollection<string> TranslatedIn(string language) =>
        Translations.TryGetValue(language, out var texts) ? [.. texts.Keys] : [];

    private static IReadOnlyDictionary<string, string> Load(string language)
    {
        var name = $"UjDatabase.Core.Languages.{language}.tsv";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The {name} resource is missing from UjDatabase.Core.");
        using var reader = new StreamReader(stream);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0 || !result.TryAdd(line[..tab], line[(tab + 1)..]))
            {
                throw new InvalidOperationException($"{name}, line {number}: expected one English text, a tab and its translation, each English text once.");
            }
        }

        return result;
    }
}

/// <summary>The sense of an English word that is spelt alike as a verb and a noun.</summary>
public enum Sense
{
    Verb,
}
