using System.Text.RegularExpressions;

namespace UjDatabase.Web.Tests;

/// <summary>Reads the anti-forgery token a page's form carries, as a browser would send it back.</summary>
internal static partial class AntiForgery
{
    public static string Token(string html) => TokenField().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}

/// <summary>Signs a client in through the sign-in form, as a browser does (its token first).</summary>
internal static class EditorSignIn
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string name, string password)
    {
        var token = AntiForgery.Token(await client.GetStringAsync("/admin/sign-in"));
        return await client.PostAsync("/admin/sign-in", new FormUrlEncodedContent(
            [KeyValuePair.Create("Name", name), KeyValuePair.Create("Password", password), KeyValuePair.Create("__RequestVerificationToken", token)]));
    }
}
