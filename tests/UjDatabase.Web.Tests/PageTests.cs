using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using UjDatabase.Core.Interchange;
using UjDatabase.Tests;

namespace UjDatabase.Web.Tests;

/// <summary>The HTML pages, read with AngleSharp as a browser without JavaScript would.</summary>
public sealed class PageTests(FreshAppFactory factory) : IClassFixture<FreshAppFactory>
{
    private static readonly List<Core.Cases.CaseRecord> Seed = TestFiles.SeedFiles.SelectMany(CaseFileReader.ReadFile)
        .Select(i => CaseDecoder.Decode(i.Json!.Value, i.Line).Record!).ToList();

    private async Task<(HttpStatusCode Status, IDocument Document)> GetPageAsync(string url)
    {
        var response = await factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(url);
        var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, document);
    }

    private static long Total(IDocument page) => long.Parse(page.QuerySelector(".total strong")!.TextContent.Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, long> PageFacet(IDocument page, string facet) =>
        page.QuerySelectorAll($"section[data-facet={facet}] a.facet-value").ToDictionary(
            a => a.GetAttribute("data-value")!,
            a => long.Parse(a.QuerySelector(".count")!.TextContent.Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task A_case_page_shows_topics_legal_issues_civil_society_victims_and_reparation_each_linking_to_its_search()
    {
        var (status, page) = await GetPageAsync("/cases/sonko-bellinzona");
        Assert.Equal(HttpStatusCode.OK, status);
        var context = page.QuerySelector("section.case-context")!;
        var links = context.QuerySelectorAll("a").Select(a => (Text: a.TextContent.Trim(), Href: a.GetAttribute("href")!)).ToList();

        Assert.Contains(("Sexual and gender-based violence", "/search?topic=sexual_gender_based_violence"), links);
        Assert.Contains(("Statute of limitations", "/search?legal_issue=statute_of_limitations"), links);
        Assert.Contains(("TRIAL International", "/search?q=%22TRIAL%20International%22"), links);
        Assert.Contains(("complainant", "/search?civil_society=complainant"), links);
        Assert.Contains(("Reparation ordered", "/search?reparation=ordered"), links);
        Assert.Contains("Victims took part as civil parties (10).", context.TextContent, StringComparison.Ordinal);

        // And every one of those searches lists this record.
        foreach (var (_, href) in links.Where(l => l.Href.StartsWith("/search?", StringComparison.Ordinal)))
        {
            var (_, results) = await GetPageAsync(href + "&size=100");
            Assert.Contains("sonko-bellinzona", results.QuerySelectorAll("li.hit").Select(li => li.GetAttribute("data-case-id")));
        }
    }

    [Fact]
    public async Task The_search_page_says_how_to_search_and_each_example_works_as_it_says()
    {
        var (_, page) = await GetPageAsync("/search");
        var tips = page.QuerySelector("details.search-tips")!;
        Assert.Equal("How to search", tips.QuerySelector("summary")!.TextContent);
        var examples = tips.QuerySelectorAll("code").Select(c => c.TextContent).ToList();
        Assert.Contains("rwanda OR gambia", examples);

        async Task<long> Count(string q) => Total((await GetPageAsync("/search?q=" + Uri.EscapeDataString(q))).Document);
        Assert.Equal(await Count("rwanda") + await Count("gambia") - await Count("rwanda gambia"), await Count("rwanda OR gambia"));
        Assert.Equal(await Count("syria") - await Count("syria germany"), await Count("syria -germany"));
        Assert.Equal(await Count("habré"), await Count("habre"));
        Assert.True(await Count("rasslan") > 0);
    }

    [Fact]
    public async Task Starts_on_a_fresh_data_directory_and_lists_every_seed_case()
    {
        var ids = new List<string>();
        for (var page = 1; page <= (Seed.Count + 99) / 100; page++)
        {
            var (status, document) = await GetPageAsync($"/?size=100&page={page}");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(Seed.Count, Total(document));
            ids.AddRange(document.QuerySelectorAll("li.hit").Select(li => li.GetAttribute("data-case-id")!));
        }

        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "ujdb.sqlite")));
        Assert.Equal(Seed.Select(r => r.Id).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("forum=DE")]
    [InlineData("q=genocide&territory=RW&territory=CD")]
    [InlineData("crime=crimes_against_humanity&charge_stage=convicted&stage=final")]
    public async Task Facet_counts_in_the_page_equal_the_api(string queryString)
    {
        var (_, page) = await GetPageAsync("/search?" + queryString);
        var api = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/api/cases?" + queryString)).RootElement;

        Assert.Equal(api.GetProperty("total").GetInt64(), Total(page));
        foreach (var facet in api.GetProperty("facets").EnumerateArray())
        {
            var expected = facet.GetProperty("values").EnumerateArray().ToDictionary(v => v.GetProperty("value").GetString()!, v => v.GetProperty("count").GetInt64());
            Assert.Equal(expected.OrderBy(e => e.Key), PageFacet(page, facet.GetProperty("name").GetString()!).OrderBy(e => e.Key));
        }
    }

    [Fact]
    public async Task Adding_and_removing_a_filter_round_trips_through_the_url()
    {
        var (_, start) = await GetPageAsync("/search?q=torture");
        var germany = start.QuerySelector("section[data-facet=forum] a.facet-value[data-value=DE]")!;
        var expected = PageFacet(start, "forum")["DE"];

        var added = germany.GetAttribute("href")!;
        Assert.Equal("/search?q=torture&forum=DE", added);
        var (_, filtered) = await GetPageAsync(added);
        Assert.Equal(expected, Total(filtered));
        var chip = filtered.QuerySelectorAll(".chips a.chip").Single(a => a.TextContent.Contains("Germany", StringComparison.Ordinal));

        Assert.Equal("/search?q=torture", chip.GetAttribute("href"));
        Assert.Equal("/search", filtered.QuerySelector(".chips a.clear")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_search_box_and_the_sort_keep_every_other_part_of_the_search()
    {
        var (_, page) = await GetPageAsync("/search?q=torture&forum=DE&measure=convicted&year=2022&sort=name&page=2");

        static List<string> Hidden(AngleSharp.Dom.IElement form) =>
            form.QuerySelectorAll("input[type=hidden]").Select(i => $"{i.GetAttribute("name")}={i.GetAttribute("value")}").ToList();
        Assert.Equal(["forum=DE", "measure=convicted", "year=2022", "sort=name"], Hidden(page.QuerySelector("form[role=search]")!));
        Assert.Equal(["q=torture", "forum=DE", "measure=convicted", "year=2022"], Hidden(page.QuerySelector("form.sort-form")!));
    }

    [Fact]
    public async Task Every_link_on_a_sample_of_case_pages_resolves()
    {
        var client = factory.CreateClient();
        var checkedLinks = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in Seed.Where((_, n) => n % 9 == 0))
        {
            var (status, page) = await GetPageAsync($"/cases/{record.Id}");
            Assert.Equal(HttpStatusCode.OK, status);
            foreach (var href in page.QuerySelectorAll("main a[href^='/']").Select(a => a.GetAttribute("href")!).Where(checkedLinks.Add))
            {
                var response = await client.GetAsync(href);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{href} on /cases/{record.Id} answered {response.StatusCode}");
            }

            Assert.Equal(record.Sources.Count, page.QuerySelectorAll(".sources a[href^='http']").Length);
        }

        Assert.True(checkedLinks.Count > 50);
    }

    [Fact]
    public async Task A_case_page_shows_the_whole_record_with_its_timeline_and_co_defendants()
    {
        var record = Seed.First(r => r.CaseGroup is not null && Seed.Count(o => o.CaseGroup == r.CaseGroup) > 1 && r.Events.Count >= 3);
        var (_, page) = await GetPageAsync($"/cases/{record.Id}");

        Assert.Equal(record.DisplayName, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(record.Events.Count, page.QuerySelectorAll(".timeline li").Length);
        Assert.Equal(record.Events[0].Date!.Value.ToString(), page.QuerySelector(".timeline time")!.GetAttribute("datetime"));
        var others = Seed.Where(o => o.CaseGroup == record.CaseGroup && o.Id != record.Id).Select(o => $"/cases/{o.Id}").Order();
        Assert.Equal(others, page.QuerySelectorAll("section[aria-labelledby=codefendants-heading] li a").Select(a => a.GetAttribute("href")!).Order());
        Assert.Contains(page.QuerySelectorAll(".facts a"), a => a.GetAttribute("href") == $"/search?forum={record.Forum.Country}");
        Assert.Equal($"http://localhost:5080/cases/{record.Id}", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Clicking_a_country_on_a_case_page_finds_every_case_about_it()
    {
        var (_, page) = await GetPageAsync("/cases/raslan-koblenz");
        var territory = page.QuerySelectorAll(".facts dt").Single(dt => dt.TextContent == "Crimes committed in").NextElementSibling!;
        var syria = territory.QuerySelectorAll("a").Single(a => a.TextContent == "Syria").GetAttribute("href")!;
        Assert.Equal("/search?territory=SY", syria);

        var (_, results) = await GetPageAsync(syria + "&size=100");

        Assert.Equal(Seed.Count(r => r.TerritorialCountries.Contains("SY")), Total(results));
    }

    [Fact]
    public async Task The_atom_feed_is_xml_and_lists_the_records_of_the_search()
    {
        var response = await factory.CreateClient().GetAsync("/feeds/cases.atom?forum=DE");

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal(atom + "feed", feed.Root!.Name);
        var entries = feed.Root.Elements(atom + "entry").ToList();
        var expected = Seed.Where(r => r.Forum.Country == "DE").ToList();
        Assert.Equal(Math.Min(50, expected.Count), entries.Count);
        Assert.All(entries, e => Assert.Contains(expected, r => e.Element(atom + "id")!.Value.EndsWith($"/cases/{r.Id}", StringComparison.Ordinal)));
        var updated = entries.Select(e => e.Element(atom + "updated")!.Value).ToList();
        Assert.Equal(updated.OrderDescending(StringComparer.Ordinal), updated);
    }

    [Fact]
    public async Task The_search_page_links_its_feed()
    {
        var (_, page) = await GetPageAsync("/search?forum=DE&territory=SY&page=2");

        Assert.Equal("/feeds/cases.atom?forum=DE&territory=SY", page.QuerySelector("link[rel=alternate][type='application/atom+xml']")!.GetAttribute("href"));
        Assert.Contains(page.QuerySelectorAll(".feed a"), a => a.GetAttribute("href") == "/feeds/cases.atom?forum=DE&territory=SY");
    }

    [Fact]
    public async Task An_unknown_case_is_a_friendly_404_page()
    {
        var (status, page) = await GetPageAsync("/cases/no-such-case");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("could not find", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_parameters_are_a_friendly_page_naming_what_was_wrong()
    {
        var (status, page) = await GetPageAsync("/search?forum=Germany&size=500");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var items = page.QuerySelectorAll(".notice.error li").Select(li => li.TextContent).ToList();
        Assert.Contains(items, i => i.Contains("forum=Germany", StringComparison.Ordinal));
        Assert.Contains(items, i => i.Contains("size=500", StringComparison.Ordinal));
        Assert.DoesNotContain("Exception", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_results_suggest_which_filter_to_drop()
    {
        var (_, page) = await GetPageAsync("/search?forum=SN&territory=SY");

        Assert.Equal(0, Total(page));
        var suggestions = page.QuerySelectorAll(".empty li a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Contains(("Remove Prosecuting state: Senegal", "/search?territory=SY"), suggestions);
        Assert.Contains(("Remove Crimes committed in: Syria", "/search?forum=SN"), suggestions);
    }

    [Fact]
    public async Task Results_show_highlights_and_names_as_written()
    {
        var (_, page) = await GetPageAsync("/search?q=Habre");

        Assert.Contains(page.QuerySelectorAll("li.hit h2 a"), a => a.TextContent == "Hissène Habré");
        Assert.NotEmpty(page.QuerySelectorAll("li.hit .snippet mark"));
    }

    [Fact]
    public async Task A_page_past_the_end_offers_the_last_page()
    {
        var (status, page) = await GetPageAsync("/search?forum=DE&page=9");

        Assert.Equal(HttpStatusCode.OK, status);
        var last = (Seed.Count(r => r.Forum.Country == "DE") + 19) / 20;
        Assert.Equal($"/search?forum=DE&page={last}", page.QuerySelector(".empty a")!.GetAttribute("href"));
    }

    /// <summary>A seed record convicted of some crimes and not (or not yet) of others.</summary>
    private static Core.Cases.CaseRecord Mixed() => Seed.First(r => r.Charges.Any(c => c.Stage == "convicted") && r.Charges.Any(c => c.Stage != "convicted" && !r.Charges.Any(o => o.Crime == c.Crime && o.Stage == "convicted")));

    [Fact]
    public async Task A_result_card_says_what_the_accused_was_convicted_of_and_what_only_charged_or_dropped()
    {
        var record = Mixed();
        var (_, page) = await GetPageAsync($"/search?q=%22{Uri.EscapeDataString(record.Title)}%22");

        var card = page.QuerySelectorAll("li.hit").Single(li => li.GetAttribute("data-case-id") == record.Id);
        var outcomes = card.QuerySelectorAll(".outcomes .outcome").ToDictionary(o => o.QuerySelector("dt")!.TextContent, o => o.QuerySelector("dd")!.TextContent);
        var convicted = record.Charges.Where(c => c.Stage == "convicted").Select(c => Core.Vocabularies.Catalogue.Crime.LabelOf(c.Crime!)).Distinct();
        Assert.Equal(string.Join(", ", convicted), outcomes["Convicted of"]);
        var other = record.Charges.First(c => c.Stage != "convicted" && !record.Charges.Any(o => o.Crime == c.Crime && o.Stage == "convicted"));
        var phrase = Core.Cases.ChargeOutcomes.Phrases.Single(p => p.Stage == other.Stage).Label;
        Assert.Contains(Core.Vocabularies.Catalogue.Crime.LabelOf(other.Crime!), outcomes[phrase], StringComparison.Ordinal);
        Assert.DoesNotContain(Core.Vocabularies.Catalogue.Crime.LabelOf(other.Crime!), outcomes["Convicted of"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feed_categories_name_each_crime_with_its_outcome()
    {
        var record = Mixed();
        var feed = XDocument.Parse(await factory.CreateClient().GetStringAsync($"/feeds/cases.atom?q=%22{Uri.EscapeDataString(record.Title)}%22"));
        XNamespace atom = "http://www.w3.org/2005/Atom";

        var entry = feed.Root!.Elements(atom + "entry").Single(e => e.Element(atom + "id")!.Value.EndsWith($"/cases/{record.Id}", StringComparison.Ordinal));
        var terms = entry.Elements(atom + "category").Select(c => c.Attribute("term")!.Value).Order(StringComparer.Ordinal);
        Assert.Equal(record.Charges.Select(c => $"{c.Stage}:{c.Crime}").Distinct().Order(StringComparer.Ordinal), terms);
        Assert.Contains(entry.Elements(atom + "category"), c => c.Attribute("label")!.Value.StartsWith("Convicted of ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_case_page_header_groups_crimes_by_outcome()
    {
        var record = Mixed();
        var (_, page) = await GetPageAsync($"/cases/{record.Id}");

        var labels = page.QuerySelectorAll(".case-header .outcomes dt").Select(d => d.TextContent).ToList();
        Assert.Equal(Core.Cases.ChargeOutcomes.Of(record).Select(o => o.Label), labels);
    }

    [Fact]
    public async Task A_case_page_is_headed_by_the_full_public_name_with_the_courts_form_as_a_note()
    {
        var (_, page) = await GetPageAsync("/cases/raslan-koblenz");

        Assert.Equal("Anwar Raslan", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("The court publishes the name as “Anwar R.”.", page.QuerySelector(".name-note")!.TextContent.Trim());
        var (_, results) = await GetPageAsync("/search?q=raslan");
        Assert.Contains(results.QuerySelectorAll("li.hit h2 a"), a => a.TextContent == "Anwar Raslan");
    }

    [Fact]
    public async Task A_co_defendant_is_listed_once_not_again_among_related_cases()
    {
        var record = Seed.First(r => r.CaseGroup is not null && r.Related.Any(id => Seed.Any(o => o.Id == id && o.CaseGroup == r.CaseGroup)));
        var (_, page) = await GetPageAsync($"/cases/{record.Id}");

        var links = page.QuerySelectorAll("section[aria-labelledby=codefendants-heading] a, section[aria-labelledby=related-heading] a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(links.Count, links.Distinct().Count());
        Assert.DoesNotContain($"/cases/{record.Id}", links);
    }

    [Fact]
    public async Task The_search_page_offers_a_way_to_the_filters_and_back()
    {
        var (_, page) = await GetPageAsync("/search?forum=DE&crime=genocide");

        Assert.Equal("#filters", page.QuerySelector(".filters-link a")!.GetAttribute("href"));
        Assert.Contains("(2 selected)", page.QuerySelector(".filters-link a")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("aside#filters a.back-to-results[href='#results']"));
        Assert.NotNull(page.QuerySelector("ol#results"));
    }
}
