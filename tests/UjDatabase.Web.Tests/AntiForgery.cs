using System.Text.RegularExpressions;

namespace UjDatabase.Web.Tests;

/// <summary>Reads the anti-forgery token a page's form carries, as a browser would send it back.</summary>
internal static partial class AntiForgery
{
    public static string Token(string html) => TokenField().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
