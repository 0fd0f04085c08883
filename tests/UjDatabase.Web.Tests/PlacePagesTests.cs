using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using UjDatabase.Core.Interchange;
using UjDatabase.Core.Storage;
using UjDatabase.Core.Vocabularies;
using UjDatabase.Tests;

namespace UjDatabase.Web.Tests;

/// <summary>The country, situation and case-group pages: views of searches whose numbers agree with the search and the statistics.</summary>
public sealed class PlacePagesTests(FreshAppFactory factory) : IClassFixture<FreshAppFactory>
{
    private static readonly List<Core.Cases.CaseRecord> Seed = TestFiles.SeedFiles.SelectMany(CaseFileReader.ReadFile)
        .Select(i => CaseDecoder.Decode(i.Json!.Value, i.Line).Record!).ToList();

    private HttpClient Client => factory.CreateClient(new() { AllowAutoRedirect = false });

    private async Task<(HttpStatusCode Status, IDocument Document)> GetPageAsync(string url)
    {
        var response = await Client.GetAsync(url);
        var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, document);
    }

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        var response = await Client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>
    /// What the search (or, for a count in cases, the statistics) says the number behind a link is: the search page's
    /// own total comes from the same engine call as <c>/api/cases</c>, and a count in cases from the statistics API.
    /// </summary>
    private async Task<long> CountBehindAsync(string href)
    {
        Assert.StartsWith("/search", href, StringComparison.Ordinal);
        var query = href.Contains('?', StringComparison.Ordinal) ? href[(href.IndexOf('?', StringComparison.Ordinal) + 1)..] : string.Empty;
        return query.Contains("unit=cases", StringComparison.Ordinal)
            ? (await GetJsonAsync("/api/stats?" + query)).GetProperty("total").GetProperty("count").GetInt64()
            : (await GetJsonAsync("/api/cases?" + query + (query.Length == 0 ? "" : "&") + "size=1")).GetProperty("total").GetInt64();
    }

    private static long Number(string text) => long.Parse(text.Trim().Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("/countries/DE", 5)]
    [InlineData("/countries/SY", 5)]
    [InlineData("/countries/GM", 5)]
    [InlineData("/situations/syria-2011", 5)]
    [InlineData("/situations/rwanda-1994", 5)]
    [InlineData("/situations/liberia-1989-2003", 5)]
    [InlineData("/countries", 5)]
    [InlineData("/situations", 5)]
    [InlineData("/groups/al-khatib-koblenz", 2)]
    [InlineData("/groups/homs-press-centre-paris", 2)]
    public async Task Every_number_on_a_country_situation_or_group_page_links_to_the_search_or_statistic_that_counts_exactly_it(string path, int least)
    {
        var (status, page) = await GetPageAsync(path);
        Assert.Equal(HttpStatusCode.OK, status);
        var numbers = page.QuerySelectorAll("main [data-count]").Select(a => (Shown: a.GetAttribute("data-count")!, Text: a.TextContent, Href: a.GetAttribute("href")!))
            .Concat(page.QuerySelectorAll("main .stats-table td a").Select(a => (Shown: a.TextContent, Text: a.TextContent, Href: a.GetAttribute("href")!)))
            .ToList();
        Assert.True(numbers.Count >= least, $"{path} shows only {numbers.Count} numbers");

        foreach (var (shown, text, href) in numbers)
        {
            var count = Number(shown);
            Assert.StartsWith(count.ToString("N0", CultureInfo.InvariantCulture), text.Trim(), StringComparison.Ordinal);
            Assert.True(count == await CountBehindAsync(href), $"{path}: {count} links to {href}, which counts {await CountBehindAsync(href)}");
        }
    }

    [Fact]
    public async Task The_situation_filter_selects_exactly_the_records_whose_situation_text_the_situation_gathers()
    {
        foreach (var situation in Situations.All)
        {
            var expected = Seed.Count(r => r.IsPublished && Situations.Of(r.Situation).Contains(situation.Slug));
            Assert.Equal(expected, (await GetJsonAsync($"/api/cases?situation={situation.Slug}&size=1")).GetProperty("total").GetInt64());
        }

        Assert.Equal(79, Seed.Count(r => Situations.Of(r.Situation).Contains("syria-2011")));
    }

    [Fact]
    public async Task A_country_page_shows_the_country_as_prosecuting_state_and_as_territory_with_links_between_them()
    {
        var (_, page) = await GetPageAsync("/countries/DE");
        Assert.Equal("Germany", page.QuerySelector("h1")!.TextContent);
        var forum = page.QuerySelector("section[aria-labelledby=forum-heading]")!;
        // "What has Germany done about Syria": the number leads to the search, the name to Syria's page.
        var syria = forum.QuerySelectorAll("section[aria-labelledby=forum-territory] li").Single(li => li.QuerySelector(".label")!.TextContent == "Syria");
        Assert.Equal("/countries/SY", syria.QuerySelector("a.label")!.GetAttribute("href"));
        Assert.Equal("/search?forum=DE&territory=SY", syria.QuerySelector("a.count")!.GetAttribute("href"));
        Assert.Contains(forum.QuerySelectorAll(".proceedings a"), a => a.GetAttribute("href") == "/groups/al-khatib-koblenz");
        Assert.NotEmpty(forum.QuerySelectorAll(".overview-developments .timeline li"));
        Assert.NotNull(forum.QuerySelector(".stats-table"));

        var (_, syriaPage) = await GetPageAsync("/countries/SY");
        var territory = syriaPage.QuerySelector("section[aria-labelledby=territory-heading]")!;
        var germany = territory.QuerySelectorAll("section[aria-labelledby=territory-forum] li").Single(li => li.QuerySelector(".label")!.TextContent == "Germany");
        Assert.Equal("/search?forum=DE&territory=SY", germany.QuerySelector("a.count")!.GetAttribute("href"));
        Assert.Equal(Number(syria.QuerySelector("a.count")!.GetAttribute("data-count")!), Number(germany.QuerySelector("a.count")!.GetAttribute("data-count")!));
    }

    [Fact]
    public async Task The_latest_developments_are_newest_first_keep_partial_dates_partial_and_link_to_their_case()
    {
        var (_, page) = await GetPageAsync("/situations/syria-2011");
        var items = page.QuerySelectorAll(".overview-developments .timeline li").ToList();
        Assert.Equal(25, items.Count);
        var dates = items.Select(li => Core.Cases.PartialDate.Parse(li.QuerySelector("time")!.GetAttribute("datetime")!)).ToList();
        Assert.Equal(dates.OrderDescending().ToList(), dates);
        Assert.All(items, li => Assert.StartsWith("/cases/", li.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal));

        var newest = Seed.Where(r => Situations.Of(r.Situation).Contains("syria-2011")).SelectMany(r => r.Events).Max(e => e.Date!.Value);
        Assert.Equal(newest, dates[0]);
        var partial = items.Select(li => li.QuerySelector("time")!).FirstOrDefault(t => t.GetAttribute("datetime")!.Length < 10);
        if (partial is not null)
        {
            // A date known to the month reads "March 2024", never a made-up day.
            Assert.Equal(Core.Cases.PartialDate.Parse(partial.GetAttribute("datetime")!).ToDisplayString(), partial.TextContent);
        }
    }

    [Fact]
    public async Task A_real_country_without_cases_is_a_page_that_says_so()
    {
        var (status, page) = await GetPageAsync("/countries/AQ");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Antarctica", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(2, page.QuerySelectorAll("p.empty").Length);
    }

    [Fact]
    public async Task A_country_code_in_lower_case_redirects_to_the_one_address_of_the_country()
    {
        var response = await Client.GetAsync("/countries/de");
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/countries/DE", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/countries/XX")]
    [InlineData("/countries/YU")]
    [InlineData("/countries/D")]
    [InlineData("/countries/DEU")]
    [InlineData("/countries/D%C3%89")]
    [InlineData("/countries/%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("/countries/'%20OR%201=1%20--")]
    [InlineData("/countries/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/countries/%20")]
    [InlineData("/countries/D%0AE")]
    [InlineData("/situations/nope")]
    [InlineData("/situations/Syria-2011")]
    [InlineData("/situations/syria%202011")]
    [InlineData("/situations/%E2%80%AEsyria")]
    [InlineData("/groups/")]
    [InlineData("/groups/nope")]
    [InlineData("/groups/AL-KHATIB-KOBLENZ")]
    [InlineData("/groups/%22%3B%20DROP%20TABLE%20cases%3B%20--")]
    [InlineData("/cases//cite.bib")]
    [InlineData("/cases/nope/cite.bib")]
    [InlineData("/cases/nope/cite.json")]
    [InlineData("/cases/%3Cscript%3E/cite.json")]
    [InlineData("/cases/raslan-koblenz%0A/cite.bib")]
    public async Task An_unknown_or_odd_code_slug_or_id_is_a_not_found_page_never_an_error(string path)
    {
        var response = await Client.GetAsync(path);
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{path}: {(int)response.StatusCode}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/search?group=%3Cscript%3E")]
    [InlineData("/search?group=Al-Khatib")]
    [InlineData("/search?group=a&group=b")]
    [InlineData("/api/cases?group=%27%20OR%201%3D1%20--")]
    [InlineData("/api/cases?group=al-khatib-koblenz&group=al-khatib-koblenz")]
    public async Task An_odd_or_repeated_group_parameter_is_a_clear_bad_request(string url)
    {
        var response = await Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("group", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_search_for_a_proceeding_says_so_and_links_back_to_its_page()
    {
        var (status, page) = await GetPageAsync("/search?group=al-khatib-koblenz");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["al-gharib-koblenz", "raslan-koblenz"], page.QuerySelectorAll("li.hit").Select(li => li.GetAttribute("data-case-id")).Order());
        var chips = page.QuerySelectorAll(".chips a").Select(a => (Text: a.TextContent.Trim(), Href: a.GetAttribute("href"))).ToList();
        Assert.Contains(chips, c => c.Text.StartsWith("Proceeding: al-khatib-koblenz", StringComparison.Ordinal) && c.Href == "/search");
        Assert.Contains(chips, c => c.Href == "/groups/al-khatib-koblenz");
    }

    [Fact]
    public async Task A_search_for_one_country_or_situation_links_to_its_page()
    {
        var (_, page) = await GetPageAsync("/search?forum=DE&territory=SY&territory=IQ&situation=syria-2011");
        var links = page.QuerySelectorAll(".chips a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Contains("/countries/DE", links);
        Assert.Contains("/situations/syria-2011", links);
        // Two places selected: neither is the search's one place.
        Assert.DoesNotContain("/countries/SY", links);
    }

    [Fact]
    public async Task A_huge_code_slug_or_id_is_not_found_quickly()
    {
        var huge = new string('a', 5000);
        foreach (var path in new[] { $"/countries/{huge}", $"/situations/{huge}", $"/groups/{huge}", $"/cases/{huge}/cite.bib" })
        {
            var response = await Client.GetAsync(path);
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest or HttpStatusCode.RequestUriTooLong, $"{path[..20]}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Search_parameters_given_to_a_country_page_change_nothing_on_it()
    {
        var (_, plain) = await GetPageAsync("/countries/DE");
        var (status, noisy) = await GetPageAsync("/countries/DE?forum=FR&forum=SY&territory=XX&q=%3Cscript%3E&page=-1&size=100000");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(
            plain.QuerySelectorAll("[data-count]").Select(a => a.GetAttribute("data-count")),
            noisy.QuerySelectorAll("[data-count]").Select(a => a.GetAttribute("data-count")));
    }

    [Fact]
    public async Task A_case_group_page_shows_every_defendant_with_their_outcome_one_merged_timeline_and_each_source_once()
    {
        var group = Seed.Where(r => r.CaseGroup == "al-khatib-koblenz").ToList();
        var (status, page) = await GetPageAsync("/groups/al-khatib-koblenz");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Anwar Raslan and Eyad al-Gharib", page.QuerySelector("h1")!.TextContent);

        var rows = page.QuerySelectorAll("table.defendants tbody tr").ToList();
        Assert.Equal(group.Select(r => $"/cases/{r.Id}").Order(), rows.Select(tr => tr.QuerySelector("th a")!.GetAttribute("href")).Order());
        Assert.All(rows, tr => Assert.Equal("Convicted", tr.QuerySelector(".verdict")!.TextContent));

        // The trial opened once for both: one event naming both defendants, not two.
        var items = page.QuerySelectorAll(".case-timeline .timeline li").ToList();
        var trial = items.Where(li => li.QuerySelector(".event-type")!.TextContent.StartsWith("Trial opened", StringComparison.Ordinal)).ToList();
        Assert.Single(trial);
        Assert.Equal("2020-04-23", trial[0].QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Equal(2, trial[0].QuerySelectorAll(".event-who a").Length);
        Assert.Equal(group.SelectMany(r => r.Events).Select(e => (e.Date, e.Type)).Distinct().Count(), items.Count);

        var urls = page.QuerySelectorAll(".case-sources li a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(group.SelectMany(r => r.Sources).Select(s => s.Url).Distinct().Count(), urls.Count);
        Assert.Equal(urls.Distinct().Count(), urls.Count);

        // The group's defendants are exactly the records the search index holds for it.
        var export = await Client.GetStringAsync("/api/cases/export?format=jsonl&territory=SY&forum=DE");
        var indexed = export.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(r => r.GetProperty("case_group").ValueKind == JsonValueKind.String && r.GetProperty("case_group").GetString() == "al-khatib-koblenz").ToList();
        Assert.Equal(rows.Count, indexed.Count);
    }

    [Fact]
    public void A_defendants_outcomes_are_named_one_by_one_when_a_joint_event_ends_differently_for_them()
    {
        var records = new[]
        {
            SampleCases.Valid("joint-one") with { CaseGroup = "joint-trial", Accused = SampleCases.Valid().Accused with { Name = "First Accused" }, Events = [new() { Date = Core.Cases.PartialDate.Parse("2023-05-02"), Type = "verdict_first_instance", Outcome = "convicted" }] },
            SampleCases.Valid("joint-two") with { CaseGroup = "joint-trial", Accused = SampleCases.Valid().Accused with { Name = "Second Accused" }, Events = [new() { Date = Core.Cases.PartialDate.Parse("2023-05-02"), Type = "verdict_first_instance", Outcome = "acquitted" }] },
        };
        var merged = Overview.MergedTimeline.Of(records);
        var verdict = Assert.Single(merged);
        Assert.True(verdict.OutcomesDiffer);
        Assert.Equal(["joint-one", "joint-two"], verdict.Shares.Select(s => s.Record.Id));
    }

    [Fact]
    public void The_same_date_and_type_in_two_different_proceedings_stays_two_events()
    {
        var arrest = new Core.Cases.CaseEvent { Date = Core.Cases.PartialDate.Parse("2019-02-12"), Type = "arrest" };
        var merged = Overview.MergedTimeline.Of(
        [
            SampleCases.Valid("one-a") with { CaseGroup = "one", Events = [arrest] },
            SampleCases.Valid("one-b") with { CaseGroup = "one", Events = [arrest] },
            SampleCases.Valid("two-a") with { CaseGroup = "two", Events = [arrest] },
            SampleCases.Valid("alone") with { CaseGroup = null, Events = [arrest] },
        ]);
        Assert.Equal([2, 1, 1], merged.Select(e => e.Shares.Count).OrderDescending());
    }

    [Fact]
    public async Task A_joint_event_of_co_defendants_is_one_development_on_a_country_page_naming_them_all()
    {
        var group = Seed.Where(r => r.CaseGroup == "yarmouk-fpm-koblenz").ToList();
        var trial = group.SelectMany(r => r.Events).First(e => e.Type == "trial_opened").Date!.Value;
        var (_, page) = await GetPageAsync("/countries/DE");
        var items = page.QuerySelectorAll("section[aria-labelledby=forum-heading] .overview-developments li")
            .Where(li => li.QuerySelector("time")!.GetAttribute("datetime") == trial.ToString() && li.QuerySelector(".event-type")!.TextContent == "Trial opened").ToList();
        var item = Assert.Single(items);
        Assert.Equal(group.Select(r => $"/cases/{r.Id}").Order(), item.QuerySelectorAll("a[href^='/cases/']").Select(a => a.GetAttribute("href")).Order());
        Assert.Contains(item.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/groups/yarmouk-fpm-koblenz");
    }

    [Fact]
    public async Task Drafts_never_appear_on_a_group_page_and_a_group_of_drafts_does_not_exist()
    {
        var store = factory.Services.GetRequiredService<ICaseStore>();
        await GetPageAsync("/groups/al-khatib-koblenz");
        await store.UpsertAsync(
        [
            SampleCases.Valid("draft-in-khatib") with { CaseGroup = "al-khatib-koblenz", Publication = "draft" },
            SampleCases.Valid("draft-alone") with { CaseGroup = "drafts-only", Publication = "draft" },
        ]);

        var (_, page) = await GetPageAsync("/groups/al-khatib-koblenz");
        Assert.DoesNotContain(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/cases/draft-in-khatib");
        Assert.Equal(HttpStatusCode.NotFound, (await GetPageAsync("/groups/drafts-only")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetPageAsync("/cases/draft-alone/cite.bib")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetPageAsync("/cases/draft-alone/cite.json")).Status);
    }

    [Fact]
    public async Task A_case_page_with_co_defendants_links_to_its_group_and_a_case_alone_does_not()
    {
        var (_, grouped) = await GetPageAsync("/cases/raslan-koblenz");
        Assert.Contains(grouped.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/groups/al-khatib-koblenz");
        var alone = Seed.First(r => r.CaseGroup is null && r.IsPublished);
        var (_, single) = await GetPageAsync($"/cases/{alone.Id}");
        Assert.DoesNotContain(single.QuerySelectorAll("a"), a => a.GetAttribute("href")!.StartsWith("/groups/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_case_page_in_a_listed_situation_links_to_the_situation_page()
    {
        var (_, page) = await GetPageAsync("/cases/raslan-koblenz");
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/situations/syria-2011");
    }
}
