using System.Text.Json.Nodes;
using UjDatabase.Core.Search;
using UjDatabase.Server.Elasticsearch;
using UjDatabase.Tests;

namespace UjDatabase.Server.Tests;

/// <summary>Every request body the adapter builds, compared with a reviewed golden file.</summary>
public class EsRequestTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private static CaseQuery Query(string queryString)
    {
        var parsed = CaseQueryParser.Parse(queryString);
        Assert.Empty(parsed.Errors);
        return parsed.Query;
    }

    [Theory]
    [InlineData("search-all.json", "")]
    [InlineData("search-text.json", "q=Rasslan%20koblenz")]
    [InlineData("search-phrase-prefix.json", "q=%22Branch%20251%22%20simbi*&sort=name")]
    [InlineData("search-facets.json", "forum=DE&forum=FR&territory=_missing&crime=genocide&charge_stage=convicted&page=3&size=10")]
    [InlineData("search-events-measure.json", "event=verdict_first_instance&from=2019&to=2022&measure=convicted&year=2021&sort=date")]
    [InlineData("search-group-situation.json", "group=al-khatib-koblenz&situation=syria-2011&situation=_missing")]
    public void Search_requests_match_their_golden_files(string golden, string queryString)
    {
        Golden.AssertJson(golden, EsQueryBuilder.Search(Query(queryString), Timeout));
    }

    [Fact]
    public void A_stream_page_uses_the_point_in_time_and_search_after()
    {
        var body = EsQueryBuilder.StreamPage(Query("forum=DE"), "pit-123", new JsonArray("anwar r", "raslan-koblenz"), 500, Timeout);

        Golden.AssertJson("stream-page.json", body);
    }

    [Fact]
    public void Bulk_lines_carry_the_store_version_as_an_external_version()
    {
        var record = SampleCases.Valid();
        var lines = EsIndexer.BulkLines("cases", new IndexChange(record.Id, 42, record), 2026)
            + EsIndexer.BulkLines("cases", new IndexChange("gone-case", 43, null), 2026);

        Golden.AssertText("bulk.ndjson", lines);
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
