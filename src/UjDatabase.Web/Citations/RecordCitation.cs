using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using UjDatabase.Core.Cases;
using UjDatabase.Web.Setup;
using UjDatabase.Core.Languages;

namespace UjDatabase.Web.Citations;

/// <summary>
/// How to cite one published record: a line for people, a BibTeX entry and a CSL-JSON item, each with the record's
/// permanent address (from the configured public address, never the request's Host) and the day it was last checked.
/// </summary>
public sealed class RecordCitation(CaseRecord record, SiteSettings site)
{
    public const string Publisher = "UjDatabase";

    public const string BibTeXContentType = "application/x-bibtex; charset=utf-8";

    public const string CslJsonContentType = "application/vnd.citationstyles.csl+json; charset=utf-8";

    public string Permalink { get; } = site.Absolute($"/cases/{record.Id}");

    /// <summary>The day the record was last checked against its sources, at the precision known.</summary>
    public PartialDate? LastChecked => record.Updated;

    /// <summary>UjDatabase, “Anwar Raslan (Koblenz)”, record raslan-koblenz, last checked 21 November 2026, http://…/cases/raslan-koblenz.</summary>
    public string Line =>
        $"{Publisher}, “{record.Title}”, {Texts.T("record")} {record.Id}{(LastChecked is { } date ? Texts.T(", last checked ") + date.ToDisplayString() : string.Empty)}, {Permalink}.";

    /// <summary>A BibTeX <c>@misc</c> entry; every field value is escaped so that the entry reads back as written.</summary>
    public string BibTeX()
    {
        var fields = new List<(string Name, string Value)>
        {
            // Double braces keep a corporate author whole and stop styles from lower-casing the names in the title.
            ("author", "{" + Publisher + "}"),
            ("title", "{" + EscapeBibTeX(record.Title) + "}"),
            ("howpublished", "UjDatabase, a database of universal jurisdiction cases"),
        };
        if (LastChecked is { } date)
        {
            fields.Add(("year", date.Year.ToString(CultureInfo.InvariantCulture)));
            fields.Add(("date", date.ToString()));
        }

        // Left as it is: BibLaTeX and the url package read this field verbatim, and the address cannot hold a brace
        // (Uri escapes them), so it cannot unbalance the entry.
        fields.Add(("url", Permalink));
        fields.Add(("note", EscapeBibTeX($"Record {record.Id}" + (LastChecked is { } checkedOn ? $", last checked {checkedOn}" : string.Empty))));

        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"@misc{{ujdb:{record.Id},\n");
        foreach (var (name, value) in fields)
        {
            builder.Append(CultureInfo.InvariantCulture, $"  {name} = {{{value}}},\n");
        }

        builder.Append("}\n");
        return builder.ToString();
    }

    /// <summary>
    /// A CSL-JSON array with one item. Its type is <c>entry</c>: CSL's type for one entry in a reference work or
    /// database that is neither a dictionary nor an encyclopedia (<c>entry-dictionary</c>, <c>entry-encyclopedia</c>).
    /// <c>dataset</c> would describe the whole database rather than one record of it, and <c>legal_case</c> a court's
    /// decision, which the record summarises but is not.
    /// </summary>
    public string CslJson()
    {
        var item = new JsonObject
        {
            ["id"] = $"ujdb:{record.Id}",
            ["type"] = "entry",
            ["title"] = record.Title,
            ["author"] = new JsonArray(new JsonObject { ["literal"] = Publisher }),
            ["container-title"] = Publisher,
            ["publisher"] = Publisher,
            ["URL"] = Permalink,
            ["number"] = record.Id,
            ["note"] = $"Record {record.Id}" + (LastChecked is { } date ? $", last checked {date}" : string.Empty),
        };
        if (LastChecked is { } issued)
        {
            // The record's version is the day it was last checked: CSL date-parts keep only the precision known.
            var parts = new JsonArray(issued.Year);
            if (issued.Month is { } month)
            {
                parts.Add(month);
                if (issued.Day is { } day)
                {
                    parts.Add(day);
                }
            }

            item["issued"] = new JsonObject { ["date-parts"] = new JsonArray(parts) };
        }

        return new JsonArray(item).ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>
    /// Escapes the characters BibTeX and LaTeX give a meaning to, so that a title such as "Ali &amp; Sons {50%}" is printed
    /// as written. Letters outside ASCII are kept: BibLaTeX with Biber and BibTeX with inputenc read UTF-8.
    /// </summary>
    public static string EscapeBibTeX(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\\' => @"\textbackslash{}",
                '{' => @"\{",
                '}' => @"\}",
                '&' => @"\&",
                '%' => @"\%",
                '$' => @"\$",
                '#' => @"\#",
                '_' => @"\_",
                '^' => @"\textasciicircum{}",
                '~' => @"\textasciitilde{}",
                // A line break would end nothing in BibTeX but reads as a new paragraph in LaTeX.
                '\r' or '\n' or '\t' => " ",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
