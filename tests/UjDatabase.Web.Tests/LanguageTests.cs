using System.Net;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace UjDatabase.Web.Tests;

/// <summary>English and French: the /fr prefix, the switch and its cookie, hreflang, and what stays as it was.</summary>
public sealed class LanguageTests(LanguageTests.PublicApp factory) : IClassFixture<LanguageTests.PublicApp>
{
    /// <summary>The app on a public address of its own (the hreflang links use it), with the test limits lifted.</summary>
    public sealed class PublicApp : FreshAppFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
        {
            ["UJDB_PUBLIC_URL"] = "https://ujdb.example.org",
            ["UJDB_ALLOWED_HOSTS"] = "ujdb.example.org;localhost",
        };
    }

    private const string FrenchCookie = ".AspNetCore.Culture=c%3Dfr%7Cuic%3Dfr";

    private async Task<HttpResponseMessage> GetAsync(string url, string? cookie = null, string? host = null)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        if (host is not null)
        {
            request.Headers.Host = host;
        }

        return await client.SendAsync(request);
    }

    private async Task<(HttpStatusCode Status, IDocument Page)> PageAsync(string url, string? cookie = null)
    {
        var response = await GetAsync(url, cookie);
        return (response.StatusCode, await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_French_page_shows_French_labels_and_says_it_is_in_French()
    {
        var (status, page) = await PageAsync("/fr/search?forum=DE");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Rechercher des affaires", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("État qui poursuit", page.QuerySelector("#facet-forum")!.TextContent.Trim());
        Assert.Contains("Allemagne", page.QuerySelectorAll("section[data-facet=forum] .label").Select(l => l.TextContent));
        Assert.Contains(page.QuerySelectorAll("section[data-facet=crime] .label"), l => l.TextContent == "Crimes contre l’humanité");
        Assert.Equal("Recherche", page.QuerySelector("nav[aria-label=Site] a")!.TextContent.Trim());
        Assert.Equal("Rechercher", page.QuerySelector(".search-form button")!.TextContent.Trim());

        var (_, english) = await PageAsync("/search?forum=DE");
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Prosecuting state", english.QuerySelector("#facet-forum")!.TextContent.Trim());
        Assert.Equal("Search", english.QuerySelector(".search-form button")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_word_with_two_senses_in_French_reads_as_it_always_did_in_English()
    {
        var (_, english) = await PageAsync("/stats?by=forum");
        Assert.Equal("Count", english.QuerySelector("label[for=measure]")!.TextContent.Trim());
        Assert.Equal("Count", english.QuerySelector(".stats-form button")!.TextContent.Trim());
        var (_, french) = await PageAsync("/fr/stats");
        Assert.Equal("Compter", french.QuerySelector(".stats-form button")!.TextContent.Trim());
        Assert.Equal("Nombre", french.QuerySelector(".stats-table thead th:last-child")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_records_own_texts_stay_as_written_on_a_French_case_page()
    {
        var (status, page) = await PageAsync("/fr/cases/raslan-koblenz");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Résumé", page.QuerySelector("#summary-heading")!.TextContent);
        Assert.StartsWith("Former Syrian intelligence colonel", page.QuerySelector("section.summary p")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll(".timeline time"), t => t.TextContent == "13 janvier 2022");
        Assert.Equal("https://ujdb.example.org/fr/cases/raslan-koblenz", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/fr/search?forum=DE&crime=torture")]
    [InlineData("/fr/cases/raslan-koblenz")]
    [InlineData("/fr/countries/DE")]
    [InlineData("/fr/situations/syria-2011")]
    [InlineData("/fr/groups/al-khatib-koblenz")]
    [InlineData("/fr/stats?by=forum&year=2024&measure=convicted")]
    [InlineData("/fr/stats/review?year=2024")]
    [InlineData("/fr/map")]
    [InlineData("/fr/countries")]
    public async Task Every_link_of_a_French_page_to_another_page_of_the_site_stays_in_French(string url)
    {
        var (status, page) = await PageAsync(url);
        Assert.Equal(HttpStatusCode.OK, status);
        var leaving = page.QuerySelectorAll("a[href^='/'], form[action^='/']")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("action")!)
            .Where(href => !href.StartsWith("/fr/", StringComparison.Ordinal) && href != "/fr")
            // The switch, the API reference, the editors' area (English for now) and cited files are not pages in a language.
            .Where(href => !href.StartsWith("/language/", StringComparison.Ordinal) && !href.StartsWith("/openapi/", StringComparison.Ordinal)
                && !href.StartsWith("/admin", StringComparison.Ordinal) && !href.StartsWith("/api/cases/", StringComparison.Ordinal))
            .ToList();
        Assert.True(leaving.Count == 0, $"{url} links out of French: " + string.Join(", ", leaving.Distinct()));
        Assert.NotEmpty(page.QuerySelectorAll("a[href^='/fr/']"));
    }

    [Fact]
    public async Task The_switch_keeps_the_page_and_its_query_and_remembers_the_choice_in_the_culture_cookie()
    {
        var (_, page) = await PageAsync("/search?forum=DE&crime=torture&sort=date");
        var toFrench = page.QuerySelector("a.language")!;
        Assert.Equal("Français", toFrench.TextContent);
        Assert.Equal("fr", toFrench.GetAttribute("lang"));

        var response = await GetAsync(toFrench.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/fr/search?forum=DE&crime=torture&sort=date", response.Headers.Location!.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single();
        Assert.StartsWith(FrenchCookie + ";", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);

        var (_, french) = await PageAsync("/fr/search?forum=DE&crime=torture&sort=date", FrenchCookie);
        var back = await GetAsync(french.QuerySelector("a.language")!.GetAttribute("href")!, FrenchCookie);
        Assert.Equal("/search?forum=DE&crime=torture&sort=date", back.Headers.Location!.OriginalString);
        Assert.StartsWith(".AspNetCore.Culture=c%3Den%7Cuic%3Den;", back.Headers.GetValues("Set-Cookie").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_address_without_a_language_follows_the_readers_choice_but_an_explicit_language_wins()
    {
        var remembered = await GetAsync("/cases/raslan-koblenz?x=1", FrenchCookie);
        Assert.Equal(HttpStatusCode.Redirect, remembered.StatusCode);
        Assert.Equal("/fr/cases/raslan-koblenz?x=1", remembered.Headers.Location!.OriginalString);
        Assert.Equal("/fr", (await GetAsync("/", FrenchCookie)).Headers.Location!.OriginalString);

        // Without a choice, or with English chosen, the unprefixed address is English; the pages say caches must tell them apart.
        var plain = await GetAsync("/cases/raslan-koblenz");
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Contains("Cookie", plain.Headers.Vary);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/cases/raslan-koblenz", ".AspNetCore.Culture=c%3Den%7Cuic%3Den")).StatusCode);

        // A French address stays French for a reader who chose English.
        var (status, page) = await PageAsync("/fr/cases/raslan-koblenz", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));

        // Machine addresses never follow the cookie: the API, feeds and exports answer as they always did.
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/api/cases?forum=DE", FrenchCookie)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/feeds/cases.atom", FrenchCookie)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/health/live", FrenchCookie)).StatusCode);
    }

    [Fact]
    public async Task Hreflang_alternates_are_absolute_on_the_public_address_whatever_the_Host_header()
    {
        var response = await GetAsync("/fr/search?forum=DE", host: "localhost");
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var alternates = page.QuerySelectorAll("link[rel=alternate][hreflang]").ToDictionary(l => l.GetAttribute("hreflang")!, l => l.GetAttribute("href")!);
        Assert.Equal("https://ujdb.example.org/search?forum=DE", alternates["en"]);
        Assert.Equal("https://ujdb.example.org/fr/search?forum=DE", alternates["fr"]);
        Assert.Equal("https://ujdb.example.org/search?forum=DE", alternates["x-default"]);

        var (_, home) = await PageAsync("/");
        Assert.Equal("https://ujdb.example.org/fr", home.QuerySelector("link[hreflang=fr]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task An_error_page_under_fr_is_French_and_names_the_page_that_failed_in_both_languages()
    {
        var (status, page) = await PageAsync("/fr/cases/no-such-case");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Page introuvable", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("https://ujdb.example.org/cases/no-such-case", page.QuerySelector("link[hreflang=en]")!.GetAttribute("href"));
        Assert.Equal("/language/en?return=%2Fcases%2Fno-such-case", page.QuerySelector("a.language")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_bad_parameter_is_explained_in_French_under_fr_and_the_language_is_never_an_ignored_parameter()
    {
        var (status, page) = await PageAsync("/fr/search?forum=ZZ");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Certains paramètres n’ont pas pu être compris", page.QuerySelector(".error h2")!.TextContent);
        Assert.Contains("n’est pas une valeur de « État qui poursuit »", page.QuerySelector(".error li")!.TextContent, StringComparison.Ordinal);

        var (_, search) = await PageAsync("/fr/search?forum=DE");
        Assert.DoesNotContain(search.QuerySelectorAll("p.notice"), p => p.TextContent.Contains("paramètre", StringComparison.Ordinal));

        async Task<string> DetailAsync(string url, string? cookie = null)
        {
            var problem = await GetAsync(url, cookie);
            Assert.Equal(HttpStatusCode.BadRequest, problem.StatusCode);
            using var json = System.Text.Json.JsonDocument.Parse(await problem.Content.ReadAsStringAsync());
            return json.RootElement.GetProperty("detail").GetString()!;
        }

        Assert.Contains("n’est pas une valeur", await DetailAsync("/fr/api/cases?forum=ZZ"), StringComparison.Ordinal);
        Assert.Contains("is not a prosecuting state value", await DetailAsync("/api/cases?forum=ZZ", FrenchCookie), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_headers_are_French_only_when_the_French_address_asks_and_unchanged_otherwise()
    {
        const string header = "id,url,title,case_group,accused_name,published_name,aliases,accused_type,gender,nationalities,affiliation,position,forum_country,forum_court,forum_city,territorial_countries,situation,crime_from,crime_to,jurisdiction_basis,crimes,charges,convicted_of,acquitted_of,charged_with,investigated_for,dropped,stage,verdict,presence,sentence_type,sentence_years,sentence_text,first_event,latest_event,events,summary,sources,updated";
        async Task<string[]> CsvAsync(string url, string? cookie = null) =>
            (await (await GetAsync(url, cookie)).Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n");

        var english = await CsvAsync("/api/cases/export?format=csv&forum=DE");
        Assert.Equal(header, english[0]);
        Assert.Equal(header, (await CsvAsync("/api/cases/export?format=csv&forum=DE", FrenchCookie))[0]);

        var french = await CsvAsync("/fr/api/cases/export?format=csv&forum=DE");
        Assert.StartsWith("identifiant,lien,titre,groupe d’affaires,nom de l’accusé,", french[0], StringComparison.Ordinal);
        Assert.Equal(header.Split(',').Length, french[0].Split(',').Length);
        // The cells are the same codes; only the header row and the records' links change.
        Assert.Equal(english.Length, french.Length);
        Assert.Contains("https://ujdb.example.org/fr/cases/", french[1], StringComparison.Ordinal);

        // JSON keeps its field names whatever the language.
        var json = await (await GetAsync("/fr/api/cases?forum=DE")).Content.ReadAsStringAsync();
        Assert.Contains("\"total\":", json, StringComparison.Ordinal);
        Assert.Contains("\"facets\":", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_French_feed_is_marked_French_and_links_French_pages_with_the_same_entry_ids()
    {
        var english = XDocument.Parse(await (await GetAsync("/feeds/cases.atom?forum=DE")).Content.ReadAsStringAsync());
        var french = XDocument.Parse(await (await GetAsync("/fr/feeds/cases.atom?forum=DE")).Content.ReadAsStringAsync());
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal("fr", french.Root!.Attribute(XNamespace.Xml + "lang")!.Value);
        Assert.Equal("UjDatabase: État qui poursuit : Allemagne", french.Root.Element(atom + "title")!.Value);
        Assert.Equal(english.Descendants(atom + "entry").Select(e => e.Element(atom + "id")!.Value), french.Descendants(atom + "entry").Select(e => e.Element(atom + "id")!.Value));
        Assert.All(french.Descendants(atom + "entry"), e => Assert.StartsWith("https://ujdb.example.org/fr/cases/", e.Element(atom + "link")!.Attribute("href")!.Value, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/fr/../")]
    [InlineData("/fr/..%2f..%2fetc/passwd")]
    [InlineData("/FR/search")]
    [InlineData("/fr")]
    [InlineData("/fr/")]
    [InlineData("/frx/search")]
    [InlineData("/fr/fr/search")]
    [InlineData("/fr/language/fr")]
    [InlineData("/language/%3Cscript%3E")]
    [InlineData("/language/fr?return=%2F%2Fevil.example%2F")]
    [InlineData("/language/fr?return=https%3A%2F%2Fevil.example%2F")]
    [InlineData("/language/fr?return=%2F%5Cevil.example")]
    [InlineData("/language/fr?return=%2Ffr%2Ffr%2Fsearch%0D%0ASet-Cookie%3A%20x%3D1")]
    [InlineData("/language/en?return=%2Ffr%2Fsearch%3Fq%3Dx")]
    [InlineData("/language/fr?return=&return=/x")]
    public async Task Hostile_language_addresses_never_fail_and_never_leave_the_site(string url)
    {
        var response = await GetAsync(url);
        Assert.True((int)response.StatusCode < 500, $"{url}: {response.StatusCode}");
        if (response.Headers.Location is { } location)
        {
            Assert.StartsWith("/", location.OriginalString, StringComparison.Ordinal);
            Assert.False(location.OriginalString.StartsWith("//", StringComparison.Ordinal), location.OriginalString);
            Assert.DoesNotContain("evil", location.OriginalString, StringComparison.Ordinal);
            Assert.DoesNotContain("\n", location.OriginalString, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_French_search_boxs_suggestions_lead_to_French_pages_and_assets_keep_one_address()
    {
        var (_, page) = await PageAsync("/fr/search");
        Assert.Equal("/fr/api/names", page.QuerySelector("[data-typeahead]")!.GetAttribute("data-typeahead"));
        Assert.StartsWith("/css/site.css?v=", page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href"), StringComparison.Ordinal);

        async Task<List<string>> LinksAsync(string url)
        {
            using var json = System.Text.Json.JsonDocument.Parse(await (await GetAsync(url)).Content.ReadAsStringAsync());
            return [.. json.RootElement.GetProperty("suggestions").EnumerateArray().SelectMany(n =>
                n.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("url").GetString()!).Append(n.GetProperty("search").GetString()!))];
        }

        Assert.Contains("/fr/cases/raslan-koblenz", await LinksAsync("/fr/api/names?prefix=rasl"));
        Assert.All(await LinksAsync("/fr/api/names?prefix=rasl"), l => Assert.StartsWith("/fr/", l, StringComparison.Ordinal));
        Assert.Contains("/cases/raslan-koblenz", await LinksAsync("/api/names?prefix=rasl"));
    }

    [Fact]
    public async Task Redirects_and_suggestions_of_a_French_page_stay_in_French()
    {
        var redirect = await GetAsync("/fr/countries/de");
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Equal("/fr/countries/DE", redirect.Headers.Location!.OriginalString);

        var (_, page) = await PageAsync("/fr/search?q=raslan&forum=FR");
        var suggestions = page.QuerySelectorAll(".empty li a").Select(a => a.TextContent).ToList();
        Assert.Contains("Retirer les mots « raslan »", suggestions);
        Assert.Contains("Retirer État qui poursuit : France", suggestions);
    }

    [Fact]
    public async Task The_switch_back_to_English_drops_the_French_prefix_from_the_page_it_returns_to()
    {
        var response = await GetAsync("/language/en?return=%2Ffr%2Fsearch%3Fq%3Dx");
        Assert.Equal("/search?q=x", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("c=xx|uic=<script>alert(1)</script>")]
    [InlineData("c=fr")]
    [InlineData("|||")]
    [InlineData("c=%ZZ|uic=%")]
    [InlineData("c=fr-FR|uic=fr-FR")]
    public async Task A_garbage_culture_cookie_is_ignored(string value)
    {
        var response = await GetAsync("/search?q=torture", ".AspNetCore.Culture=" + value);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"en\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_huge_culture_cookie_is_ignored()
    {
        var response = await GetAsync("/search", ".AspNetCore.Culture=c%3Dfr%7Cuic%3Dfr" + new string('x', 6000));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_editors_area_stays_English_its_French_address_leads_to_it()
    {
        var response = await GetAsync("/fr/admin/sign-in?returnUrl=%2Fadmin");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/sign-in?returnUrl=%2Fadmin", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/admin/sign-in", FrenchCookie)).StatusCode);
    }

    [Fact]
    public async Task Posts_are_refused_under_fr_as_everywhere_outside_the_editors_area()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var content = new StringContent("q=x");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await client.PostAsync("/fr/search", content)).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await client.PostAsync("/language/fr", content)).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await client.PostAsync("/fr/admin/sign-in", content)).StatusCode);
    }
}
