using UjDatabase.Core.Cases;
using System.Net;
using UjDatabase.Core.Search;
using UjDatabase.Server.Elasticsearch;
using UjDatabase.Server.Resilience;
using UjDatabase.Tests;

namespace UjDatabase.Server.Tests;

/// <summary>The search engine against each kind of answer Elasticsearch gives.</summary>
public class EsEngineTests
{
    private static readonly IndexResilienceOptions Fast = new()
    {
        AttemptTimeout = TimeSpan.FromSeconds(5),
        Retries = 2,
        RetryDelay = TimeSpan.FromMilliseconds(1),
        MinimumThroughput = 100,
    };

    private static (EsSearchEngine Engine, FakeElasticsearch Es) Engine(IndexResilienceOptions? options = null)
    {
        var es = new FakeElasticsearch();
        var store = new InMemoryStore(SampleCases.Valid("raslan-koblenz"), SampleCases.Valid("al-gharib-koblenz"));
        var resilience = options ?? Fast;
        return (new EsSearchEngine(es.Client, store, IndexPipelines.Idempotent(resilience), resilience), es);
    }

    private static CaseQuery Query(string queryString) => CaseQueryParser.Parse(queryString).Query;

    [Fact]
    public async Task A_search_returns_hits_in_order_with_highlights_facets_and_years()
    {
        var (engine, es) = Engine();
        es.AnswerWith("search-ok.json");

        var result = await engine.SearchAsync(Query("q=raslan&presence=detained"));

        Assert.Equal(2, result.Total);
        Assert.Equal(["raslan-koblenz", "al-gharib-koblenz"], result.Hits.Select(h => h.Record.Id));
        Assert.Equal(["Anwar <mark>Raslan</mark>"], result.Hits[0].Highlights);
        Assert.False(result.Hits[0].FuzzyName);
        Assert.True(result.Hits[1].FuzzyName);
        var crime = result.Facets.Single(f => f.Name == "crime");
        Assert.Equal(("crimes_against_humanity", 2L), (crime.Values[0].Value, crime.Values[0].Count));
        var presence = result.Facets.Single(f => f.Name == "presence");
        Assert.Equal(["detained", FacetCatalogue.Missing], presence.Values.Select(v => v.Value));
        Assert.True(presence.Values[0].Selected);
        Assert.Equal([("2019", 2L), ("2022", 1L)], result.EventYears.Select(y => (y.Value, y.Count)));
        Assert.Null(result.Notice);
        Assert.Equal(("POST", "/cases/_search?typed_keys=true"), (es.Requests[0].Method, es.Requests[0].Path));
    }

    [Theory]
    [InlineData("search-partial-shards.json", "1 of 3 shards")]
    [InlineData("search-timed-out.json", "took too long")]
    public async Task Incomplete_answers_are_shown_to_the_user(string response, string notice)
    {
        var (engine, es) = Engine();
        es.AnswerWith(response);

        var result = await engine.SearchAsync(Query("q=raslan"));

        Assert.Equal(2, result.Hits.Count);
        Assert.Contains(notice, result.Notice, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, "error-429.json")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "error-503.json")]
    public async Task Overload_and_unavailability_are_retried(HttpStatusCode status, string body)
    {
        var (engine, es) = Engine();
        es.Answer(status, FakeElasticsearch.Response(body)).AnswerWith("search-ok.json");

        var result = await engine.SearchAsync(Query(string.Empty));

        Assert.Equal(2, result.Total);
        Assert.Equal(2, es.Requests.Count);
    }

    [Fact]
    public async Task An_attempt_that_gets_no_answer_is_abandoned_after_its_timeout_and_retried()
    {
        var (engine, es) = Engine(Fast with { AttemptTimeout = TimeSpan.FromMilliseconds(200) });
        es.Hang().AnswerWith("search-ok.json");

        var result = await engine.SearchAsync(Query(string.Empty));

        Assert.Equal(2, result.Total);
        Assert.Equal(2, es.Requests.Count);
    }

    [Fact]
    public async Task A_search_that_never_gets_an_answer_is_reported_as_taking_too_long()
    {
        var (engine, es) = Engine(Fast with { AttemptTimeout = TimeSpan.FromMilliseconds(100) });
        es.Hang().Hang().Hang();

        var error = await Assert.ThrowsAsync<SearchUnavailableException>(() => engine.SearchAsync(Query(string.Empty)));

        Assert.Contains("took too long", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, es.Requests.Count);
    }

    [Fact]
    public async Task A_search_the_caller_gives_up_is_cancelled_not_reported_as_an_error()
    {
        var (engine, es) = Engine();
        es.Hang();
        using var caller = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => engine.SearchAsync(Query(string.Empty), caller.Token));
        Assert.Single(es.Requests);
    }

    [Fact]
    public async Task A_name_lookup_suggests_the_matching_names_of_the_records_found_in_their_order()
    {
        var es = new FakeElasticsearch().AnswerWith("names-prefix-ok.json");
        CaseRecord Named(string id, string name, params string[] aliases) => SampleCases.Valid(id) with { Title = name, Accused = SampleCases.Valid(id).Accused with { Name = name, PublishedName = null, Aliases = aliases } };
        var store = new InMemoryStore(Named("raslan-koblenz", "Anwar Raslan", "Anwar Rasslan"), Named("al-gharib-koblenz", "Eyad al-Gharib", "Iyad Kh."));
        var engine = new EsSearchEngine(es.Client, store, IndexPipelines.Idempotent(Fast), Fast);

        var suggestions = await engine.SuggestNamesAsync(new NamePrefix(["a"]), 5);

        // The index found three records; one is gone from the store, and each name that starts with "a" is suggested once.
        Assert.Equal(["Anwar Raslan", "Anwar Rasslan", "Eyad al-Gharib"], suggestions.Select(s => s.Name));
        Assert.Equal("raslan-koblenz", suggestions[0].Records.Single().Id);
    }

    [Fact]
    public async Task A_name_lookup_while_the_index_is_down_is_reported_unavailable()
    {
        var (engine, es) = Engine();
        es.Always = (HttpStatusCode.ServiceUnavailable, FakeElasticsearch.Response("error-503.json"));

        await Assert.ThrowsAsync<SearchUnavailableException>(() => engine.SuggestNamesAsync(NamePrefix.Parse("raslan")!, 5));
    }

    [Fact]
    public async Task When_retries_run_out_the_index_is_reported_unavailable()
    {
        var (engine, es) = Engine();
        es.Always = (HttpStatusCode.ServiceUnavailable, FakeElasticsearch.Response("error-503.json"));

        var error = await Assert.ThrowsAsync<SearchUnavailableException>(() => engine.SearchAsync(Query(string.Empty)));

        Assert.Equal(503, error.Status);
        Assert.Equal(3, es.Requests.Count);
    }

    [Fact]
    public async Task A_refused_connection_is_reported_unavailable()
    {
        var (engine, es) = Engine();
        es.Refuse().Refuse().Refuse();

        var error = await Assert.ThrowsAsync<SearchUnavailableException>(() => engine.SearchAsync(Query(string.Empty)));

        Assert.Contains("could not be reached", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_error_is_not_retried()
    {
        var (engine, es) = Engine();
        es.Answer(HttpStatusCode.BadRequest, "{\"error\":{\"type\":\"parsing_exception\",\"reason\":\"bad\"},\"status\":400}");

        var error = await Assert.ThrowsAsync<SearchUnavailableException>(() => engine.SearchAsync(Query(string.Empty)));

        Assert.Equal(400, error.Status);
        Assert.Single(es.Requests);
    }

    [Fact]
    public async Task The_circuit_opens_after_repeated_failures_and_then_fails_fast_without_calling_the_index()
    {
        var options = Fast with { Retries = 1, MinimumThroughput = 2, FailureRatio = 0.5, BreakDuration = TimeSpan.FromMinutes(1) };
        var (engine, es) = Engine(options);
        es.Always = (HttpStatusCode.ServiceUnavailable, "{}");

        await Assert.ThrowsAsync<SearchUnavailableException>(() => engine.SearchAsync(Query(string.Empty)));
        var calls = es.Requests.Count;
        var open = await Assert.ThrowsAsync<SearchUnavailableException>(() => engine.SearchAsync(Query(string.Empty)));

        Assert.Equal(calls, es.Requests.Count);
        Assert.NotNull(open.RetryAfter);
        Assert.Contains("paused", open.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_walks_the_point_in_time_and_closes_it()
    {
        var (engine, es) = Engine();
        es.AnswerWith("pit-open.json").AnswerWith("stream-page-last.json").Answer(HttpStatusCode.OK, "{\"succeeded\":true,\"num_freed\":1}");

        var ids = new List<string>();
        await foreach (var record in engine.StreamAsync(Query("forum=DE")))
        {
            ids.Add(record.Id);
        }

        Assert.Equal(["raslan-koblenz"], ids);
        Assert.Equal(["/cases/_pit?keep_alive=2m", "/_search", "/_pit"], es.Requests.Select(r => r.Path));
        Assert.Contains("\"pit-abc\"", es.Requests[1].Body, StringComparison.Ordinal);
        Assert.Contains("\"pit-abc2\"", es.Requests[2].Body, StringComparison.Ordinal);
        Assert.Equal("DELETE", es.Requests[2].Method);
    }

    [Fact]
    public async Task A_point_in_time_that_does_not_close_is_given_up_after_one_attempts_time()
    {
        var (engine, es) = Engine(Fast with { AttemptTimeout = TimeSpan.FromMilliseconds(300) });
        es.AnswerWith("pit-open.json").AnswerWith("stream-page-last.json").Hang();

        var ids = new List<string>();
        var scan = Task.Run(async () =>
        {
            await foreach (var record in engine.StreamAsync(Query("forum=DE")))
            {
                ids.Add(record.Id);
            }
        });

        // Bounded here, so that a scan that waits for ever fails this test instead of hanging the run.
        Assert.Same(scan, await Task.WhenAny(scan, Task.Delay(TimeSpan.FromSeconds(20))));
        await scan;
        Assert.Equal(["raslan-koblenz"], ids);
        Assert.Equal("/_pit", es.Requests[^1].Path);
    }
}
