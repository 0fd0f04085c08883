using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using UjDatabase.Core.Interchange;
using UjDatabase.Core.Storage;
using UjDatabase.Tests;
using UjDatabase.Web.Citations;

namespace UjDatabase.Web.Tests;

/// <summary>Cite this record: the line on the case page and the BibTeX and CSL-JSON downloads, read back as a reference manager would.</summary>
public sealed class CitationTests(DeployedAppFactory factory) : IClassFixture<DeployedAppFactory>
{
    private const string HostileTitle = "Ali & Sons {50%} $x_1^2~#\\ \"quoted\" Habré }{";

    private static readonly Core.Cases.CaseRecord Raslan = TestFiles.SeedFiles.SelectMany(CaseFileReader.ReadFile)
        .Select(i => CaseDecoder.Decode(i.Json!.Value, i.Line).Record!).Single(r => r.Id == "raslan-koblenz");

    private HttpClient Client => factory.CreateClient(new() { AllowAutoRedirect = false });

    [Fact]
    public async Task A_case_page_gives_a_citation_line_with_the_public_permalink_and_the_day_last_checked()
    {
        var page = await new HtmlParser().ParseDocumentAsync(await Client.GetStringAsync("/cases/raslan-koblenz"));
        var line = page.QuerySelector("section.cite .citation")!.TextContent;
        Assert.Equal($"UjDatabase, “Anwar Raslan (Koblenz)”, record raslan-koblenz, last checked {Raslan.Updated!.Value.ToDisplayString()}, {DeployedAppFactory.PublicUrl}/cases/raslan-koblenz.", line);
        var downloads = page.QuerySelectorAll("section.cite a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/cases/raslan-koblenz/cite.bib", "/cases/raslan-koblenz/cite.json"], downloads);
    }

    [Fact]
    public async Task The_BibTeX_download_reads_back_to_the_record_title_permalink_and_date()
    {
        var response = await Client.GetAsync("/cases/raslan-koblenz/cite.bib");
        Assert.Equal("application/x-bibtex", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var (type, key, fields) = BibTeXReader.Read(await response.Content.ReadAsStringAsync());

        Assert.Equal("misc", type);
        Assert.Equal("ujdb:raslan-koblenz", key);
        Assert.Equal("Anwar Raslan (Koblenz)", fields["title"]);
        Assert.Equal("UjDatabase", fields["author"]);
        Assert.Equal($"{DeployedAppFactory.PublicUrl}/cases/raslan-koblenz", fields["url"]);
        Assert.Equal(Raslan.Updated!.Value.ToString(), fields["date"]);
        Assert.Equal(Raslan.Updated.Value.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), fields["year"]);
    }

    [Fact]
    public async Task The_CSL_JSON_download_is_one_entry_item_with_title_url_and_the_date_last_checked_at_its_precision()
    {
        var response = await Client.GetAsync("/cases/raslan-koblenz/cite.json");
        Assert.Equal("application/vnd.citationstyles.csl+json", response.Content.Headers.ContentType!.MediaType);
        var item = Assert.Single(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray());

        Assert.Equal("entry", item.GetProperty("type").GetString());
        Assert.Equal("Anwar Raslan (Koblenz)", item.GetProperty("title").GetString());
        Assert.Equal($"{DeployedAppFactory.PublicUrl}/cases/raslan-koblenz", item.GetProperty("URL").GetString());
        var updated = Raslan.Updated!.Value;
        Assert.Equal([updated.Year, updated.Month!.Value, updated.Day!.Value], item.GetProperty("issued").GetProperty("date-parts")[0].EnumerateArray().Select(p => p.GetInt32()));
    }

    [Fact]
    public async Task Special_characters_in_a_title_survive_BibTeX_and_CSL_JSON_as_written()
    {
        var store = factory.Services.GetRequiredService<ICaseStore>();
        await store.UpsertAsync([SampleCases.Valid("hostile-title") with { CaseGroup = null, Title = HostileTitle, Updated = Core.Cases.PartialDate.Parse("2025-06") }]);

        var bib = await Client.GetStringAsync("/cases/hostile-title/cite.bib");
        var (_, _, fields) = BibTeXReader.Read(bib);
        Assert.Equal(HostileTitle, fields["title"]);
        Assert.Equal("2025-06", fields["date"]);

        var item = JsonDocument.Parse(await Client.GetStringAsync("/cases/hostile-title/cite.json")).RootElement[0];
        Assert.Equal(HostileTitle, item.GetProperty("title").GetString());
        Assert.Equal([2025, 6], item.GetProperty("issued").GetProperty("date-parts")[0].EnumerateArray().Select(p => p.GetInt32()));
    }

    [Fact]
    public void Line_breaks_in_a_title_become_spaces_in_BibTeX_so_no_field_is_cut()
    {
        var citation = new RecordCitation(SampleCases.Valid() with { Title = "Two\nlines\r\nhere" }, Setup.SiteSettings.Resolve(_ => null));
        Assert.Equal("Two lines  here", BibTeXReader.Read(citation.BibTeX()).Fields["title"]);
    }

    /// <summary>A small BibTeX reader: one entry, brace-delimited values, LaTeX escapes undone. Enough to hold the writer to its word.</summary>
    private static class BibTeXReader
    {
        public static (string Type, string Key, Dictionary<string, string> Fields) Read(string text)
        {
            var at = text.IndexOf('@', StringComparison.Ordinal);
            var open = text.IndexOf('{', at);
            var comma = text.IndexOf(',', open);
            var type = text[(at + 1)..open];
            var key = text[(open + 1)..comma];
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            var i = comma + 1;
            while (true)
            {
                var equals = text.IndexOf('=', i);
                var end = text.IndexOf('}', i);
                if (equals < 0 || end < equals)
                {
                    // Only the entry's closing brace is left.
                    Assert.Equal("}", text[i..].Trim());
                    break;
                }

                var name = text[i..equals].Trim();
                var start = text.IndexOf('{', equals);
                var (value, after) = Braced(text, start);
                fields.Add(name, Unescape(value.StartsWith('{') && Braced(value, 0).After == value.Length ? value[1..^1] : value));
                i = text.IndexOf(',', after) + 1;
                Assert.True(i > 0, $"field {name} is not followed by a comma");
            }

            return (type, key, fields);
        }

        /// <summary>The text inside the braces that open at <paramref name="start"/>, and the position after the closing one; escaped braces do not count.</summary>
        private static (string Value, int After) Braced(string text, int start)
        {
            var depth = 0;
            for (var i = start; i < text.Length; i++)
            {
                if (text[i] == '\\')
                {
                    i++;
                    continue;
                }

                depth += text[i] switch { '{' => 1, '}' => -1, _ => 0 };
                if (depth == 0)
                {
                    return (text[(start + 1)..i], i + 1);
                }
            }

            throw new FormatException("unbalanced braces");
        }

        private static string Unescape(string value)
        {
            var builder = new StringBuilder(value);
            foreach (var (escaped, plain) in new[] { (@"\textbackslash{}", @"\"), (@"\textasciicircum{}", "^"), (@"\textasciitilde{}", "~") })
            {
                builder.Replace(escaped, plain);
            }

            var text = builder.ToString();
            var result = new StringBuilder();
            for (var i = 0; i < text.Length; i++)
            {
                // \{ \} \& \% \$ \# \_ stand for the character after the backslash; a lone backslash came from \textbackslash{}.
                if (text[i] == '\\' && i + 1 < text.Length && "{}&%$#_".Contains(text[i + 1], StringComparison.Ordinal))
                {
                    i++;
                }

                result.Append(text[i]);
            }

            return result.ToString();
        }
    }
}
