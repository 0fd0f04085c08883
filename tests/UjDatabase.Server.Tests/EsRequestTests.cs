using System.Net;
using System.Text.Json.Nodes;
using UjDatabase.Core.Search;
using UjDatabase.Server.Elasticsearch;
using UjDatabase.Server.Resilience;
using UjDatabase.Tests;

namespace UjDatabase.Server.Tests;

/// <summary>
/// Every request body the adapter sends, as the official client put it on the wire (read back from its
/// <c>ApiCallDetails.RequestBodyInBytes</c>), compared with a reviewed golden file.
/// </summary>
public class EsRequestTests
{
    private static readonly IndexResilienceOptions Options = new() { AttemptTimeout = TimeSpan.FromSeconds(5), RetryDelay = TimeSpan.FromMilliseconds(1), MinimumThroughput = 100 };

    private static CaseQuery Query(string queryString)
    {
        var parsed = CaseQueryParser.Parse(queryString);
        Assert.Empty(parsed.Errors);
        return parsed.Query;
    }

    private static EsSearchEngine Engine(FakeElasticsearch es) =>
        new(es.Client, new InMemoryStore(SampleCases.Valid("raslan-koblenz")), IndexPipelines.Idempotent(Options), Options);

    private static JsonNode Sent(string? body) => JsonNode.Parse(body ?? throw new InvalidOperationException("The request had no body."))!;

    [Theory]
    [InlineData("search-all.json", "")]
    [InlineData("search-text.json", "q=Rasslan%20koblenz")]
    [InlineData("search-phrase-prefix.json", "q=%22Branch%20251%22%20simbi*&sort=name")]
    [InlineData("search-facets.json", "forum=DE&forum=FR&territory=_missing&crime=genocide&charge_stage=convicted&page=3&size=10")]
    [InlineData("search-events-measure.json", "event=verdict_first_instance&from=2019&to=2022&measure=convicted&year=2021&sort=date")]
    [InlineData("search-group-situation.json", "group=al-khatib-koblenz&situation=syria-2011&situation=_missing")]
    public async Task Search_requests_match_their_golden_files(string golden, string queryString)
    {
        var es = new FakeElasticsearch().AnswerWith("search-ok.json");

        await Engine(es).SearchAsync(Query(queryString));

        Assert.Equal("/cases/_search?typed_keys=true", es.Requests.Single().Path);
        Golden.AssertJson(golden, Sent(es.Requests.Single().Body));
    }

    [Fact]
    public async Task The_name_lookup_matches_its_golden_file()
    {
        var es = new FakeElasticsearch().AnswerWith("names-prefix-ok.json");

        await Engine(es).SuggestNamesAsync(NamePrefix.Parse("Anwar Rás")!, 8);

        // No aggregations, so the client asks for no typed keys.
        Assert.Equal("/cases/_search", es.Requests.Single().Path);
        Golden.AssertJson("names-prefix.json", Sent(es.Requests.Single().Body));
    }

    [Fact]
    public async Task A_stream_page_uses_the_point_in_time_and_search_after()
    {
        var page = FakeElasticsearch.Response("stream-page-last.json").Replace("\"hits\": [", "\"hits\": [{\"_id\": \"raslan-koblenz\", \"sort\": [\"anwar r\", \"raslan-koblenz\"]},", StringComparison.Ordinal);
        var es = new FakeElasticsearch().AnswerWith("pit-open.json").Answer(HttpStatusCode.OK, page).AnswerWith("stream-page-last.json").Answer(HttpStatusCode.OK, "{\"succeeded\":true,\"num_freed\":1}");
        const int pageSize = 2;

        await foreach (var _ in EsScan.PagesAsync<NoSource>(es.Client, IndexPipelines.Idempotent(Options), Options, (pit, after) => EsQueryBuilder.StreamPage(Query("forum=DE"), pit, after, pageSize, Options.AttemptTimeout), pageSize, CancellationToken.None))
        {
        }

        Assert.Equal(["/cases/_pit?keep_alive=2m", "/_search", "/_search", "/_pit"], es.Requests.Select(r => r.Path));
        Golden.AssertJson("stream-page.json", Sent(es.Requests[2].Body));
    }

    [Fact]
    public async Task Bulk_lines_carry_the_store_version_as_an_external_version()
    {
        var es = new FakeElasticsearch().Answer(HttpStatusCode.OK, "{\"took\":1,\"errors\":false,\"items\":[{\"index\":{\"_id\":\"raslan-koblenz\",\"status\":201}},{\"delete\":{\"_id\":\"gone-case\",\"status\":200}}]}");
        using var directory = new TempDirectory();
        var database = new UjDatabase.Embedded.SqliteDatabase(directory.File("ujdb.sqlite"));
        database.Migrate();
        var indexer = new EsIndexer(es.Client, new UjDatabase.Embedded.SqliteCaseStore(database), IndexPipelines.Idempotent(Options), Options, new FixedYear(2026));
        var record = SampleCases.Valid();

        await indexer.ApplyAsync("cases", [new IndexChange(record.Id, 42, record), new IndexChange("gone-case", 43, null)]);

        Assert.Equal("/cases/_bulk", es.Requests.Single().Path);
        Golden.AssertText("bulk.ndjson", es.Requests.Single().Body!);
    }

    /// <summary>A clock in 2026, so that a document's year measures do not move with the day the tests run.</summary>
    private sealed class FixedYear(int year) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(year, 6, 1, 0, 0, 0, TimeSpan.Zero);
    }

    [Fact]
    public void The_index_definition_is_the_files_in_index_mappings()
    {
        var definition = EsIndexer.IndexDefinition();

        Assert.Equal(JsonNode.Parse(File.ReadAllText(Path.Combine(TestFiles.RepoRoot, "index-mappings", "cases.mappings.json")))!.ToJsonString(), definition["mappings"]!.ToJsonString());
        Assert.Equal(JsonNode.Parse(File.ReadAllText(Path.Combine(TestFiles.RepoRoot, "index-mappings", "cases.settings.json")))!.ToJsonString(), definition["settings"]!.ToJsonString());
    }

    [Fact]
    public void Every_field_of_a_document_is_in_the_strict_mapping()
    {
        var mapping = EsIndexer.IndexDefinition()["mappings"]!["properties"]!.AsObject();
        var document = EsDocument.Build(SampleCases.Valid(), 1, 2026);

        Assert.All(document, field => Assert.True(mapping.ContainsKey(field.Key), $"{field.Key} is not mapped"));
        Assert.All(FacetCatalogue.All, facet => Assert.Equal("keyword", mapping[facet.IndexField]!["type"]!.GetValue<string>()));
        Assert.Equal("nested", mapping["charges"]!["type"]!.GetValue<string>());
        Assert.Equal("nested", mapping["events"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void A_document_leaves_out_facets_with_no_value_so_they_count_as_not_recorded()
    {
        var record = SampleCases.Valid() with { Verdict = null, TerritorialCountries = [] };

        var document = EsDocument.Build(record, 7, 2026);

        Assert.False(document.ContainsKey("verdict"));
        Assert.False(document.ContainsKey("territory"));
        Assert.Equal(7, document["version"]!.GetValue<long>());
        Assert.Equal([2021], document["measure_years"]!["convicted"]!.AsArray().Select(y => y!.GetValue<int>()));
    }
}
