using UjDatabase.Core.Cases;
using UjDatabase.Core.Interchange;
using UjDatabase.Core.Search;
using UjDatabase.Core.Storage;
using UjDatabase.Core.Synthetic;

namespace UjDatabase.Tests.Contracts;

/// <summary>A store and a search engine over it, freshly built for a test class.</summary>
public interface ISearchBackend : IAsyncDisposable
{
    ICaseStore Store { get; }

    ISearchEngine Engine { get; }

    ISearchIndexer Indexer { get; }

    /// <summary>Corrupts the index entry of one record (lowers its version), as a broken sync might.</summary>
    Task TamperAsync(string id);
}

/// <summary>
/// The behaviour every search engine must have, run against each configured engine by a subclass that says how to
/// build one (a subclass whose server is not configured throws <see cref="SkipException"/> from CreateBackendAsync). Uses the real seed data plus generated records so that counts are checked at some scale.
/// </summary>
public abstract class SearchEngineContract : IAsyncLifetime
{
    private ISearchBackend backend = null!;

    protected static List<CaseRecord> Seed { get; } = TestFiles.SeedFiles.SelectMany(CaseFileReader.ReadFile)
        .Select(i => CaseDecoder.Decode(i.Json!.Value, i.Line).Record!).ToList();

    protected static List<CaseRecord> Synthetic { get; } = SyntheticCases.Generate(1500, seed: 3).ToList();

    /// <summary>Two hand-built records: the same words together in one, scattered (and more often) in the other.</summary>
    protected static List<CaseRecord> PhrasePair { get; } =
    [
        Seed[0] with { Id = "phrase-together", CaseGroup = null, Related = [], Summary = "Held in the Qalbeq detention centre for months." },
        Seed[0] with { Id = "phrase-apart", CaseGroup = null, Related = [], Summary = "Qalbeq centre staff ran a Qalbeq centre for detention, then more detention." },
    ];

    protected List<CaseRecord> All { get; } = [.. Seed, .. Synthetic, .. PhrasePair];

    protected ISearchEngine Engine => backend.Engine;

    protected abstract Task<ISearchBackend> CreateBackendAsync();

    public async Task InitializeAsync()
    {
        backend = await CreateBackendAsync();
        await backend.Store.UpsertAsync(All);
        while (await backend.Indexer.SyncAsync() > 0)
        {
        }
    }

    public async Task DisposeAsync() => await backend.DisposeAsync();

    private Task<SearchResult> SearchAsync(string queryString)
    {
        var parsed = CaseQueryParser.Parse(queryString);
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        return Engine.SearchAsync(parsed.Query);
    }

    private static List<string> Ids(SearchResult result) => result.Hits.Select(h => h.Record.Id).ToList();

    [SkippableTheory]
    [InlineData("q=Koblenz", "raslan-koblenz")]
    [InlineData("q=Koblenz", "al-gharib-koblenz")]
    [InlineData("q=habre", "habre-dakar")]
    [InlineData("q=Habr%C3%A9", "habre-dakar")]
    [InlineData("q=Rasslan", "raslan-koblenz")]
    [InlineData("q=Raslan", "raslan-koblenz")]
    [InlineData("q=Raslam", "raslan-koblenz")]
    [InlineData("q=Al%20Gharib", "al-gharib-koblenz")]
    [InlineData("q=Algharib", "al-gharib-koblenz")]
    [InlineData("q=al-Gharib", "al-gharib-koblenz")]
    [InlineData("q=Simbikangua", "simbikangwa-paris")]
    [InlineData("q=Simbikanga", "simbikangwa-paris")]
    [InlineData("q=simbi*", "simbikangwa-paris")]
    [InlineData("q=%22Eyad%20al-Gharib%22", "al-gharib-koblenz")]
    public async Task Golden_queries_find_their_record_on_the_first_page(string query, string id)
    {
        var result = await SearchAsync(query);

        Assert.Contains(id, Ids(result));
    }

    [SkippableFact]
    public async Task A_misspelt_name_ranks_below_exact_matches()
    {
        var result = await SearchAsync("q=Habre&size=50");

        var firstFuzzy = result.Hits.ToList().FindIndex(h => h.FuzzyName);
        var lastExact = result.Hits.ToList().FindLastIndex(h => !h.FuzzyName);
        Assert.True(firstFuzzy < 0 || firstFuzzy > lastExact);
        Assert.StartsWith("habre", result.Hits[0].Record.Id, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_phrase_outranks_the_same_words_scattered()
    {
        var result = await SearchAsync("q=qalbeq%20detention%20centre");

        Assert.Equal(["phrase-together", "phrase-apart"], Ids(result));
    }

    [SkippableFact]
    public async Task Highlights_mark_matches_and_encode_everything_else()
    {
        var result = await SearchAsync("q=Koblenz");

        Assert.All(result.Hits.Where(h => !h.FuzzyName), h =>
        {
            var highlight = Assert.Single(h.Highlights);
            Assert.Contains("<mark>Koblenz</mark>", highlight, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<", highlight.Replace("<mark>", string.Empty, StringComparison.Ordinal).Replace("</mark>", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        });
    }

    [SkippableFact]
    public async Task Markup_in_a_record_reaches_a_highlight_as_text_never_as_markup()
    {
        var record = Seed.First(r => r.Id == "raslan-koblenz");
        await backend.Store.UpsertAsync([record with { Summary = "Plughword <script>alert(\"x\")</script> & <b>Habré</b>." }]);
        await backend.Indexer.SyncAsync();

        var highlight = Assert.Single(Assert.Single((await SearchAsync("q=plughword")).Hits).Highlights);

        Assert.Contains("<mark>Plughword</mark>", highlight, StringComparison.Ordinal);
        var text = highlight.Replace("<mark>", string.Empty, StringComparison.Ordinal).Replace("</mark>", string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
        Assert.Contains("<script>alert(\"x\")</script> & <b>Habré</b>", System.Net.WebUtility.HtmlDecode(text), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("q=%22raslan")]
    [InlineData("q=ras*lan")]
    [InlineData("q=*")]
    [InlineData("q=raslan%20AND%20OR%20NOT%20(")]
    [InlineData("q=NEAR(raslan%20koblenz)")]
    public async Task Bad_syntax_is_never_an_error(string query)
    {
        var result = await SearchAsync(query);

        Assert.NotNull(result);
    }

    [SkippableFact]
    public async Task Unbalanced_quotes_are_searched_as_plain_words_with_a_notice()
    {
        var result = await SearchAsync("q=%22anwar%20raslan");

        Assert.NotNull(result.Notice);
        Assert.Contains("raslan-koblenz", Ids(result));
    }

    [SkippableFact]
    public async Task Drafts_never_appear()
    {
        var draft = Seed[0] with { Id = "draft-only-case", Publication = "draft", Title = "Zyxwvut draft" };
        await backend.Store.UpsertAsync([draft]);
        await backend.Indexer.SyncAsync();

        Assert.Empty((await SearchAsync("q=Zyxwvut")).Hits);
        Assert.Equal(All.Count(r => r.IsPublished), (await SearchAsync(string.Empty)).Total);
    }

    private async Task<List<NameSuggestion>> SuggestAsync(string typed, int size = NameSuggestions.MaxSize) =>
        [.. await Engine.SuggestNamesAsync(NamePrefix.Parse(typed)!, size)];

    [SkippableTheory]
    [InlineData("rasl", "Anwar Raslan", "raslan-koblenz")]
    [InlineData("Anwar R", "Anwar Raslan", "raslan-koblenz")]
    [InlineData("gharib", "Eyad al-Gharib", "al-gharib-koblenz")]
    [InlineData("HABR", "Hissène Habré", "habre-dakar")]
    [InlineData("hissène hab", "Hissène Habré", "habre-dakar")]
    public async Task A_name_is_suggested_from_the_start_of_any_of_its_words_whatever_the_accents_and_case(string typed, string name, string id)
    {
        var suggestion = (await SuggestAsync(typed)).Single(s => s.Name == name);

        Assert.Contains(suggestion.Records, r => r.Id == id);
    }

    [SkippableFact]
    public async Task An_alias_is_suggested_with_the_record_it_names()
    {
        var record = Seed.First(r => r.Accused.Aliases.Count > 0);
        var alias = record.Accused.Aliases[0];

        var suggestions = await SuggestAsync(alias);

        Assert.Contains(suggestions, s => s.Name == alias && s.Records.Any(r => r.Id == record.Id));
    }

    [SkippableFact]
    public async Task One_name_borne_by_several_records_is_one_suggestion_naming_them_all()
    {
        var habre = (await SuggestAsync("habre")).Single(s => s.Name == "Hissène Habré");

        Assert.Equal(Seed.Where(r => r.Accused.Name == "Hissène Habré").Select(r => r.Id).Order(), habre.Records.Select(r => r.Id).Order());
    }

    [SkippableFact]
    public async Task Suggestions_are_at_most_the_size_asked_and_never_name_drafts_or_words_that_are_not_names()
    {
        var draft = Seed[0] with { Id = "draft-name-case", Publication = "draft", Accused = Seed[0].Accused with { Name = "Zyxwvut Draftname", Aliases = [] } };
        await backend.Store.UpsertAsync([draft]);
        await backend.Indexer.SyncAsync();

        Assert.Empty(await SuggestAsync("zyxwvut"));
        // Koblenz is in titles and courts, never in a name.
        Assert.Empty(await SuggestAsync("koblenz"));
        Assert.Equal(3, (await SuggestAsync("al", 3)).Count);
    }

    [SkippableFact]
    public async Task An_edit_is_searchable_after_sync_and_not_before()
    {
        var record = Seed.First(r => r.Id == "raslan-koblenz");
        await backend.Store.UpsertAsync([record with { Summary = record.Summary + " Quuxword." }]);

        Assert.Empty((await SearchAsync("q=quuxword")).Hits);
        await backend.Indexer.SyncAsync();

        Assert.Equal(["raslan-koblenz"], Ids(await SearchAsync("q=quuxword")));
        Assert.Empty(await backend.Indexer.VerifyAsync());
    }

    [SkippableFact]
    public async Task A_deleted_record_leaves_the_index_after_sync()
    {
        var victim = Synthetic[7];
        await backend.Store.DeleteAsync(victim.Id);
        await backend.Indexer.SyncAsync();

        Assert.DoesNotContain(victim.Id, Ids(await SearchAsync($"q={Uri.EscapeDataString(victim.Accused.Name!)}&size=100")));
        Assert.Empty(await backend.Indexer.VerifyAsync());
    }

    [SkippableFact]
    public async Task Verify_catches_a_tampered_index_row_and_reindex_repairs_it()
    {
        Assert.Empty(await backend.Indexer.VerifyAsync());
        await backend.TamperAsync("raslan-koblenz");

        var differences = await backend.Indexer.VerifyAsync();
        Assert.Contains(differences, d => d.CaseId == "raslan-koblenz");

        await backend.Indexer.ReindexAsync();
        Assert.Empty(await backend.Indexer.VerifyAsync());
    }

    [SkippableFact]
    public async Task Paging_is_stable_and_pages_add_up_to_the_stream()
    {
        foreach (var sort in new[] { "relevance", "date", "name" })
        {
            var paged = new List<string>();
            for (var page = 1; page <= 5; page++)
            {
                paged.AddRange(Ids(await SearchAsync($"territory=SY&territory=RW&sort={sort}&size=7&page={page}")));
            }

            var streamed = new List<string>();
            await foreach (var record in Engine.StreamAsync(CaseQueryParser.Parse($"territory=SY&territory=RW&sort={sort}").Query))
            {
                streamed.Add(record.Id);
            }

            Assert.Equal(paged.Count, paged.Distinct().Count());
            Assert.Equal(streamed.Take(paged.Count), paged);
            Assert.Equal(BruteCount("territory=SY&territory=RW"), streamed.Count);
        }
    }

    [SkippableFact]
    public async Task Sorting_by_name_and_by_date_orders_as_promised()
    {
        var byName = await SearchAsync("forum=DE&sort=name&size=100");
        var byDate = await SearchAsync("forum=DE&sort=date&size=100");

        // Persons by family name ("al-" set aside), organisations by name.
        var names = byName.Hits.Select(h => SearchDocument.SortKey(h.Record)).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        var koblenz = (await SearchAsync("q=Raslan%20OR%20Gharib&forum=DE&sort=name")).Hits.Select(h => SearchDocument.SortKey(h.Record)).ToList();
        Assert.Equal(["gharib, eyad", "raslan, anwar"], koblenz.Where(k => k is "gharib, eyad" or "raslan, anwar"));
        Assert.Equal(koblenz.Order(StringComparer.Ordinal), koblenz);
        var dates = byDate.Hits.Select(h => h.Record.Events.Count == 0 ? null : h.Record.Events.Max(e => e.Date!.Value).ToString()).ToList();
        Assert.Equal(dates.Where(d => d is not null).OrderDescending(StringComparer.Ordinal), dates.Where(d => d is not null));
    }

    [SkippableFact]
    public async Task Facets_are_drill_sideways_or_within_and_across()
    {
        var germany = await SearchAsync("forum=DE");
        var france = await SearchAsync("forum=FR");
        var both = await SearchAsync("forum=DE&forum=FR");
        var germanySyria = await SearchAsync("forum=DE&territory=SY");

        Assert.Equal(germany.Total + france.Total, both.Total);
        Assert.True(germanySyria.Total < germany.Total);
        var forum = germany.Facets.Single(f => f.Name == "forum");
        Assert.Equal("DE", forum.Values[0].Value);
        Assert.True(forum.Values[0].Selected);
        Assert.Equal(france.Total, forum.Values.Single(v => v.Value == "FR").Count);
        var forumUnderBoth = both.Facets.Single(f => f.Name == "forum");
        Assert.Equal(["DE", "FR"], forumUnderBoth.Values.Take(2).Select(v => v.Value).Order());
    }

    [SkippableFact]
    public async Task Crime_and_charge_stage_match_within_one_charge()
    {
        var result = await SearchAsync("crime=genocide&charge_stage=convicted&size=100");

        Assert.All(result.Hits, h => Assert.Contains(h.Record.Charges, c => c.Crime == "genocide" && c.Stage == "convicted"));
        Assert.Equal(BruteCount("crime=genocide&charge_stage=convicted"), result.Total);
    }

    [SkippableFact]
    public async Task The_missing_bucket_finds_records_without_a_value()
    {
        var result = await SearchAsync("verdict=_missing&size=100");

        Assert.NotEqual(0, result.Total);
        Assert.All(result.Hits, h => Assert.Null(h.Record.Verdict));
        Assert.Contains(result.Facets.Single(f => f.Name == "verdict").Values, v => v.Value == FacetCatalogue.Missing && v.Selected);
    }

    [SkippableFact]
    public async Task The_group_filter_selects_the_records_of_one_proceeding_and_counts_its_facets_within_it()
    {
        var result = await SearchAsync("group=al-khatib-koblenz&size=100");

        Assert.Equal(["al-gharib-koblenz", "raslan-koblenz"], Ids(result).Order());
        Assert.Equal(2, result.Facets.Single(f => f.Name == "forum").Values.Single(v => v.Value == "DE").Count);
        Assert.Equal(0, (await SearchAsync("group=no-such-group")).Total);
    }

    [SkippableFact]
    public async Task A_selected_value_with_no_records_still_shows_as_selected_with_zero()
    {
        var result = await SearchAsync("forum=DE&territory=TV");

        Assert.Equal(0, result.Total);
        var tuvalu = result.Facets.Single(f => f.Name == "territory").Values[0];
        Assert.Equal(("TV", 0L, true), (tuvalu.Value, tuvalu.Count, tuvalu.Selected));
    }

    [SkippableFact]
    public async Task Facet_counts_equal_a_brute_force_count_for_hundreds_of_random_queries()
    {
        var random = new Random(20261121);
        for (var n = 0; n < 300; n++)
        {
            var query = RandomQuery(random);
            var result = await Engine.SearchAsync(query);

            Assert.Equal(All.Count(r => BruteForceSearch.Matches(r, query)), result.Total);
            foreach (var facet in FacetCatalogue.All)
            {
                var expected = BruteForceSearch.Counts(All, query, facet);
                var actual = result.Facets.Single(f => f.Name == facet.Name).Values.Where(v => v.Count > 0).ToDictionary(v => v.Value, v => v.Count);
                Assert.True(expected.OrderBy(e => e.Key).SequenceEqual(actual.OrderBy(a => a.Key)),
                    $"{facet.Name} under {query.ToQueryString()}: expected {Show(expected)}, got {Show(actual)}");
            }

            var years = result.EventYears.ToDictionary(y => y.Value, y => y.Count);
            Assert.True(BruteForceSearch.EventYears(All, query).OrderBy(e => e.Key).SequenceEqual(years.OrderBy(y => y.Key)), $"years under {query.ToQueryString()}");
        }
    }

    [SkippableFact]
    public async Task Statistics_add_up_to_search_totals_and_every_number_lists_its_records()
    {
        var random = new Random(5);
        var measures = new[] { "records", "developments", "new", "convicted", "acquitted", "on_trial" };
        var units = new[] { "defendants", "cases", "charges" };
        var dimensions = FacetCatalogue.All.Select(f => f.Name).Append("year").ToArray();
        for (var n = 0; n < 100; n++)
        {
            var search = RandomQuery(random) with { EventType = null, FromYear = null, ToYear = null, Measure = null, Year = null };
            var parameters = CaseQueryParser.Parse(search.ToQueryString()).Query.ToQueryString();
            var measure = measures[random.Next(measures.Length)];
            var by = dimensions[random.Next(dimensions.Length)];
            var unit = units[random.Next(units.Length)];
            var (request, errors) = UjDatabase.Core.Statistics.StatisticsRequest.Parse(Pairs($"{parameters}&measure={measure}&by={by}&unit={unit}"));
            Assert.Empty(errors);

            var selected = await Engine.CountAsync(request!.BaseQuery);
            Assert.Equal((await Engine.SearchAsync(request.BaseQuery)).Total, selected);
            var table = await UjDatabase.Core.Statistics.StatisticsCalculator.CountAsync(request, Engine.FactsAsync(request.BaseQuery, UjDatabase.Core.Statistics.StatisticsCalculator.RulesOf([request])), DateTime.UtcNow.Year, selected);

            // The engine's own facts (its columns) count exactly what the whole records count.
            var fromRecords = await UjDatabase.Core.Statistics.StatisticsCalculator.CountAsync(request, UjDatabase.Core.Statistics.RecordFacts.Of(Engine.StreamAsync(request.BaseQuery)), DateTime.UtcNow.Year);
            Assert.Equal(Cells(fromRecords), Cells(table));

            if (measure == "records" && unit == "defendants")
            {
                Assert.Equal((await Engine.SearchAsync(request.BaseQuery)).Total, table.Total.Count);
            }

            // Every number is what its own search gives, counted the same way: in defendants, the records it lists.
            foreach (var cell in table.Rows.Take(6).Select(r => r.Total).Append(table.Total))
            {
                var (own, ownErrors) = UjDatabase.Core.Statistics.StatisticsRequest.Parse(Pairs(cell.Query));
                Assert.Empty(ownErrors);
                var counted = (await UjDatabase.Core.Statistics.StatisticsCalculator.CountAsync(own!, Engine.FactsAsync(own!.BaseQuery, UjDatabase.Core.Statistics.StatisticsCalculator.RulesOf([own])), DateTime.UtcNow.Year)).Total.Count;
                Assert.True(cell.Count == counted, $"{table.Title}: a cell counts {cell.Count} but its search {cell.Query} counts {counted}");
                if (unit == "defendants")
                {
                    var listed = (await Engine.SearchAsync(CaseQueryParser.Parse(cell.Query).Query)).Total;
                    Assert.True(cell.Count == listed, $"{table.Title}: a cell counts {cell.Count} but its search {cell.Query} lists {listed}");
                }
            }
        }
    }

    private static IEnumerable<KeyValuePair<string, string>> Pairs(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
            .Select(p => new KeyValuePair<string, string>(Uri.UnescapeDataString(p[0]), Uri.UnescapeDataString(p.Length > 1 ? p[1] : string.Empty)));

    private static string Cells(UjDatabase.Core.Statistics.StatisticsTable table) =>
        string.Join(";", table.Rows.Select(r => $"{r.Key.Value}={r.Total.Count}[{string.Join(",", r.Cells.Select(c => c.Count))}]")) + $";total={table.Total.Count}";

    private long BruteCount(string queryString) => All.Count(r => BruteForceSearch.Matches(r, CaseQueryParser.Parse(queryString).Query));

    private static string Show(Dictionary<string, long> counts) => string.Join(",", counts.OrderBy(c => c.Key).Select(c => $"{c.Key}:{c.Value}"));

    private CaseQuery RandomQuery(Random random)
    {
        var query = CaseQuery.Empty;
        var facets = FacetCatalogue.All.OrderBy(_ => random.Next()).Take(random.Next(0, 5)).ToList();
        foreach (var facet in facets)
        {
            var pool = All.SelectMany(r => facet.Values(r)).Distinct().Append(FacetCatalogue.Missing).ToList();
            var values = Enumerable.Range(0, random.Next(1, 4)).Select(_ => pool[random.Next(pool.Count)]).Distinct().ToList();
            query = query.WithFilter(facet.Name, values);
        }

        if (random.Next(4) == 0)
        {
            var from = 1990 + random.Next(30);
            query = query with
            {
                EventType = random.Next(2) == 0 ? null : UjDatabase.Core.Vocabularies.Catalogue.EventType.Terms[random.Next(19)].Code,
                FromYear = from,
                ToYear = random.Next(3) == 0 ? null : from + random.Next(8),
            };
        }

        if (random.Next(5) == 0)
        {
            var measures = Enum.GetValues<UjDatabase.Core.Statistics.Measure>();
            query = query with { Measure = measures[random.Next(measures.Length)] };
            query = query with { Year = query.Measure == UjDatabase.Core.Statistics.Measure.Records || random.Next(3) == 0 ? null : 1995 + random.Next(30) };
        }

        if (random.Next(8) == 0)
        {
            // One proceeding (or one no record has), drawn last so that the draws above stay as they were.
            var groups = All.Select(r => r.CaseGroup).OfType<string>().Distinct().Append("no-such-group").ToList();
            query = query with { Group = groups[random.Next(groups.Count)] };
        }

        return query;
    }
}
