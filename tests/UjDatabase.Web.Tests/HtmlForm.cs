using System.Net;
using System.Text.RegularExpressions;

namespace UjDatabase.Web.Tests;

/// <summary>Reads what a browser would post from a page's form: every named field with its value, ticked boxes only, chosen options.</summary>
internal static partial class HtmlForm
{
    public static List<KeyValuePair<string, string>> Fields(string html)
    {
        var form = html[html.IndexOf("<form method=\"post\" class=\"admin-form", StringComparison.Ordinal)..];
        form = form[..(form.IndexOf("</form>", StringComparison.Ordinal) + 7)];
        var fields = new List<KeyValuePair<string, string>>();
        foreach (Match textarea in TextArea().Matches(form))
        {
            fields.Add(KeyValuePair.Create(Attributes(textarea)["name"], WebUtility.HtmlDecode(textarea.Groups[2].Value)));
        }

        foreach (Match select in Select().Matches(form))
        {
            var chosen = Regex.Match(select.Groups[2].Value, "<option value=\"([^\"]*)\" selected");
            fields.Add(KeyValuePair.Create(Attributes(select)["name"], chosen.Success ? WebUtility.HtmlDecode(chosen.Groups[1].Value) : string.Empty));
        }

        foreach (Match input in Input().Matches(form))
        {
            var attributes = Attributes(input);
            var type = attributes.GetValueOrDefault("type");
            if (attributes.TryGetValue("name", out var name) && type != "submit" && (type != "checkbox" || attributes.ContainsKey("checked")))
            {
                fields.Add(KeyValuePair.Create(name, attributes.GetValueOrDefault("value") ?? string.Empty));
            }
        }

        return fields;
    }

    /// <summary>Where a browser sends the form when the button of <paramref name="handler"/> is pressed (null: the form's own button), resolved against the page's address.</summary>
    public static string Action(string html, string pageAddress, string? handler)
    {
        var page = new Uri(new Uri("http://localhost"), pageAddress);
        if (handler is null)
        {
            return page.PathAndQuery;
        }

        var action = Regex.Matches(html, "formaction=\"([^\"]*)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
            .Distinct().Single(a => a.EndsWith("handler=" + handler, StringComparison.Ordinal));
        return new Uri(page, action).PathAndQuery;
    }

    /// <summary>The fields with some replaced or added.</summary>
    public static List<KeyValuePair<string, string>> With(this List<KeyValuePair<string, string>> fields, params (string Name, string Value)[] changes)
    {
        var changed = fields.Where(f => !changes.Any(c => c.Name == f.Key)).ToList();
        changed.AddRange(changes.Select(c => KeyValuePair.Create(c.Name, c.Value)));
        return changed;
    }

    private static Dictionary<string, string> Attributes(Match tag) =>
        Attribute().Matches(tag.Groups[1].Value).ToDictionary(a => a.Groups[1].Value, a => WebUtility.HtmlDecode(a.Groups[2].Value));

    [GeneratedRegex("<textarea\\b([^>]*)>([^<]*)</textarea>")]
    private static partial Regex TextArea();

    [GeneratedRegex("<select\\b([^>]*)>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex Select();

    [GeneratedRegex("<input\\b([^>]*)>")]
    private static partial Regex Input();

    [GeneratedRegex("([a-zA-Z][\\w-]*)=\"([^\"]*)\"")]
    private static partial Regex Attribute();
}
