using UjDatabase.Core.Cases;
using UjDatabase.Core.Search;
using UjDatabase.Core.Statistics;
using UjDatabase.Tests;

namespace UjDatabase.Core.Tests;

/// <summary>The counting rules, on hand-built records that cover their edges.</summary>
public class StatisticsTests
{
    private const int ThisYear = 2026;

    private static CaseRecord Record(string id, string? group = null, string forum = "DE", string[]? crimes = null, params (string Date, string Type, string? Outcome)[] events) =>
        SampleCases.Valid(id) with
        {
            CaseGroup = group,
            Forum = new Forum { Country = forum },
            CrimePeriod = new CrimePeriod { From = PartialDate.Parse("1990") },
            Charges = (crimes ?? ["war_crimes"]).Select(c => new Charge { Crime = c, Stage = "charged" }).ToList(),
            Events = events.Select(e => new CaseEvent { Date = PartialDate.Parse(e.Date), Type = e.Type, Outcome = e.Outcome }).ToList(),
        };

    private static async Task<StatisticsTable> CountAsync(string parameters, params CaseRecord[] records)
    {
        var pairs = parameters.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).Select(p => new KeyValuePair<string, string>(p[0], p[1]));
        var (request, errors) = StatisticsRequest.Parse(pairs);
        Assert.Empty(errors);
        return await StatisticsCalculator.CountAsync(request!, RecordFacts.Of(records.ToAsyncEnumerable()), ThisYear);
    }

    private static Dictionary<string, long> Rows(StatisticsTable table) => table.Rows.ToDictionary(r => r.Key.Value, r => r.Total.Count);

    [Fact]
    public async Task A_date_known_only_to_the_year_or_month_counts_in_that_year()
    {
        var table = await CountAsync("measure=convicted&by=year",
            Record("a", events: ("2019", "verdict_first_instance", "convicted")),
            Record("b", events: ("2019-12", "verdict_first_instance", "partially_convicted")),
            Record("c", events: ("2020-01-01", "verdict_first_instance", "convicted")));

        Assert.Equal(new Dictionary<string, long> { ["2019"] = 2, ["2020"] = 1 }, Rows(table));
    }

    [Fact]
    public async Task Two_verdicts_in_one_year_count_the_defendant_once()
    {
        var table = await CountAsync("measure=convicted&year=2020",
            Record("a", events: [("2020-02", "verdict_first_instance", "convicted"), ("2020-11", "verdict_appeal", "convicted")]));

        Assert.Equal(1, table.Total.Count);
    }

    [Fact]
    public async Task An_appeal_after_a_conviction_counts_in_its_own_year()
    {
        var upheld = Record("upheld", events: [("2019-05", "verdict_first_instance", "convicted"), ("2021-03", "verdict_appeal", "convicted")]);
        var reversed = Record("reversed", events: [("2019-06", "verdict_first_instance", "convicted"), ("2021-04", "verdict_appeal", "acquitted")]);

        var convicted = await CountAsync("measure=convicted&by=year", upheld, reversed);
        var acquitted = await CountAsync("measure=acquitted&by=year", upheld, reversed);

        Assert.Equal(new Dictionary<string, long> { ["2019"] = 2, ["2021"] = 1 }, Rows(convicted));
        Assert.Equal(new Dictionary<string, long> { ["2021"] = 1 }, Rows(acquitted));
    }

    [Fact]
    public async Task Co_defendants_count_once_as_a_case_and_each_as_defendants()
    {
        var records = new[]
        {
            Record("a", group: "trial-one", events: ("2021", "trial_opened", null)),
            Record("b", group: "trial-one", events: ("2021", "trial_opened", null)),
            Record("c", events: ("2021", "arrest", null)),
        };

        Assert.Equal(3, (await CountAsync("measure=developments&year=2021", records)).Total.Count);
        Assert.Equal(2, (await CountAsync("measure=developments&year=2021&unit=cases", records)).Total.Count);
    }

    [Fact]
    public async Task A_record_with_no_events_counts_as_a_record_but_in_no_year()
    {
        var quiet = Record("quiet");

        Assert.Equal(1, (await CountAsync(string.Empty, quiet)).Total.Count);
        foreach (var measure in new[] { "developments", "new", "convicted", "acquitted", "on_trial" })
        {
            Assert.Equal(0, (await CountAsync($"measure={measure}&by=year", quiet)).Total.Count);
        }
    }

    [Fact]
    public async Task New_counts_in_the_year_of_the_earliest_event()
    {
        var table = await CountAsync("measure=new&by=year",
            Record("a", events: [("2016", "complaint_filed", null), ("2019", "arrest", null)]),
            Record("b", events: ("2019-03", "made_public", null)));

        Assert.Equal(new Dictionary<string, long> { ["2016"] = 1, ["2019"] = 1 }, Rows(table));
    }

    [Fact]
    public async Task On_trial_runs_from_the_opening_to_the_first_instance_verdict_or_the_end_of_the_proceedings()
    {
        var table = await CountAsync("measure=on_trial&by=year",
            Record("judged", events: [("2018-05", "trial_opened", null), ("2020-02", "verdict_first_instance", "convicted"), ("2022", "verdict_appeal", "convicted")]),
            Record("died", events: [("2023", "trial_opened", null), ("2024-07", "death", null)]),
            Record("ongoing", events: ("2025-09", "trial_opened", null)));

        Assert.Equal(new Dictionary<string, long> { ["2018"] = 1, ["2019"] = 1, ["2020"] = 1, ["2023"] = 1, ["2024"] = 1, ["2025"] = 1, ["2026"] = 1 }, Rows(table));
    }

    [Fact]
    public async Task Charges_count_one_per_crime_per_record()
    {
        var table = await CountAsync("by=crime&unit=charges",
            Record("a", crimes: ["war_crimes", "torture"]),
            Record("b", crimes: ["torture"]));

        Assert.Equal(3, table.Total.Count);
        Assert.Equal(new Dictionary<string, long> { ["torture"] = 2, ["war_crimes"] = 1 }, Rows(table));
    }

    [Fact]
    public async Task Counted_in_charges_under_a_topic_only_the_charges_that_name_it_count()
    {
        var record = Record("a", events: ("2020", "indictment", null)) with
        {
            Charges =
            [
                new Charge { Crime = "war_crimes", Stage = "charged", Topics = ["sexual_gender_based_violence"] },
                new Charge { Crime = "crimes_against_humanity", Stage = "charged", Topics = ["persecution"] },
                new Charge { Crime = "torture", Stage = "charged" },
            ],
        };

        var charges = await CountAsync("measure=developments&year=2020&unit=charges&topic=sexual_gender_based_violence&by=crime", record);
        var defendants = await CountAsync("measure=developments&year=2020&topic=sexual_gender_based_violence&by=crime", record);

        Assert.Equal(new Dictionary<string, long> { ["war_crimes"] = 1 }, Rows(charges));
        Assert.Equal(1, charges.Total.Count);
        Assert.Contains("only the charges that name the topic", charges.Rule, StringComparison.Ordinal);
        // Counted in defendants the topic is the record's, and the record counts under each of its crimes.
        Assert.Equal(3, Rows(defendants).Count);
        Assert.EndsWith("(Topic: Sexual and gender-based violence)", charges.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Counted_in_charges_by_topic_each_cell_holds_the_charges_that_name_it_as_its_search_does()
    {
        var named = Record("a") with
        {
            Topics = ["sexual_gender_based_violence"],
            Charges =
            [
                new Charge { Crime = "war_crimes", Stage = "charged", Topics = ["sexual_gender_based_violence"] },
                new Charge { Crime = "torture", Stage = "charged" },
            ],
        };
        var none = Record("b", crimes: ["war_crimes", "torture"]);

        var table = await CountAsync("unit=charges&by=topic", named, none);
        // Each search given the records the engine selects for it.
        var sgbv = await CountAsync("unit=charges&topic=sexual_gender_based_violence", named);
        var notRecorded = await CountAsync("unit=charges&topic=_missing", none);

        // The cell and the search it links to agree: one charge names the topic; the untagged record's two are not recorded.
        Assert.Equal(new Dictionary<string, long> { ["sexual_gender_based_violence"] = 1, ["_missing"] = 2 }, Rows(table));
        // The total is every charge of the search: the untagged torture charge of a tagged record counts there only.
        Assert.Equal(4, table.Total.Count);
        Assert.Equal(1, sgbv.Total.Count);
        Assert.Equal(2, notRecorded.Total.Count);
    }

    [Fact]
    public async Task The_length_of_proceedings_runs_from_the_first_event_to_the_first_instance_verdict_of_the_year()
    {
        var facts = RecordFacts.Of(new[]
        {
            Record("a", events: [("2015", "complaint_filed", null), ("2018", "arrest", null), ("2022-05", "verdict_first_instance", "convicted")]),
            Record("b", events: [("2020", "arrest", null), ("2022", "verdict_first_instance", "acquitted")]),
            Record("c", events: [("2019", "arrest", null), ("2021", "verdict_first_instance", "convicted"), ("2022", "verdict_appeal", "convicted")]),
            Record("d", events: [("2012", "investigation_opened", null), ("2022", "verdict_first_instance", "convicted")]),
        }.ToAsyncEnumerable());

        var figure = await YearInReview.ProceedingsLengthAsync(2022, facts);

        // Lengths 7, 2 and 10 years; the appeal in 2022 is not a first-instance verdict.
        Assert.Equal(3, figure.Count);
        Assert.Equal("7 years", figure.Value);
        Assert.Contains("range 2–10 years, 3 defendants", figure.Label, StringComparison.Ordinal);
        Assert.Equal("event=verdict_first_instance&from=2022&to=2022", figure.Query);
    }

    [Fact]
    public async Task Without_verdicts_in_the_year_the_length_of_proceedings_says_so()
    {
        var figure = await YearInReview.ProceedingsLengthAsync(2030, RecordFacts.Of(new[] { Record("a", events: ("2020", "arrest", null)) }.ToAsyncEnumerable()));

        Assert.Equal(0, figure.Count);
        Assert.Equal("–", figure.Shown);
        Assert.Contains("no verdicts in the year", figure.Label, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_record_with_several_values_counts_under_each_but_once_in_the_total()
    {
        var both = Record("both") with { TerritorialCountries = ["SY", "IQ"] };
        var none = Record("none") with { TerritorialCountries = [] };

        var table = await CountAsync("by=territory", both, none);

        Assert.Equal(2, table.Total.Count);
        Assert.Equal(new Dictionary<string, long> { ["SY"] = 1, ["IQ"] = 1, [FacetCatalogue.Missing] = 1 }, Rows(table));
        Assert.Contains("counts under each", table.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_dimensions_give_a_cross_table_with_row_and_column_totals()
    {
        var table = await CountAsync("measure=convicted&by=forum&by=year",
            Record("a", forum: "DE", events: ("2020", "verdict_first_instance", "convicted")),
            Record("b", forum: "DE", events: ("2021", "verdict_first_instance", "convicted")),
            Record("c", forum: "FR", events: ("2021", "verdict_first_instance", "convicted")));

        Assert.Equal(["2020", "2021"], table.Columns.Select(c => c.Value));
        var germany = table.Rows.Single(r => r.Key.Value == "DE");
        Assert.Equal([1L, 1L], germany.Cells.Select(c => c.Count));
        Assert.Equal(2, germany.Total.Count);
        Assert.Equal("forum=DE&measure=convicted&year=2021", germany.Cells[1].Query);
        Assert.Equal(3, table.Total.Count);
    }

    [Fact]
    public async Task Every_number_carries_the_search_that_lists_its_records()
    {
        var table = await CountAsync("territory=SY&measure=acquitted&year=2021&by=forum&unit=cases",
            Record("a", forum: "SE", events: ("2021", "verdict_appeal", "acquitted")) with { TerritorialCountries = ["SY"] });

        Assert.Equal("territory=SY&measure=acquitted&year=2021&unit=cases", table.Total.Query);
        Assert.Equal("forum=SE&territory=SY&measure=acquitted&year=2021&unit=cases", table.Rows[0].Total.Query);
    }

    [Fact]
    public async Task Tables_counted_together_in_one_pass_equal_each_counted_alone()
    {
        var records = new[]
        {
            Record("a", forum: "DE", events: [("2019", "trial_opened", null), ("2020", "verdict_first_instance", "convicted")]),
            Record("b", group: "g", forum: "FR", events: ("2020", "arrest", null)),
            Record("c", group: "g", forum: "FR", events: ("2021", "verdict_appeal", "acquitted")),
        };
        var parameters = new[] { "measure=convicted&by=year", "measure=developments&year=2020&by=forum&unit=cases", "by=crime&unit=charges" };
        var requests = parameters.Select(p => StatisticsRequest.Parse(p.Split('&').Select(x => x.Split('=')).Select(x => new KeyValuePair<string, string>(x[0], x[1]))).Request!).ToList();

        var together = await StatisticsCalculator.CountAsync(requests, RecordFacts.Of(records.ToAsyncEnumerable()), ThisYear);

        for (var i = 0; i < parameters.Length; i++)
        {
            var alone = await CountAsync(parameters[i], records);
            Assert.Equal(Rows(alone), Rows(together[i]));
            Assert.Equal(alone.Total, together[i].Total);
        }
    }

    [Fact]
    public async Task Tables_over_different_searches_cannot_share_a_pass()
    {
        var requests = new[] { "forum=DE", "forum=FR" }.Select(p => StatisticsRequest.Parse([new("forum", p[6..])]).Request!).ToList();

        await Assert.ThrowsAsync<ArgumentException>(() => StatisticsCalculator.CountAsync(requests, AsyncEnumerable.Empty<IRecordFacts>(), ThisYear));
    }

    [Theory]
    [InlineData("by=victims", "by")]
    [InlineData("by=forum&by=crime&by=stage", "by")]
    [InlineData("unit=people", "unit")]
    [InlineData("unit=1", "unit")]
    [InlineData("measure=sentenced", "measure")]
    [InlineData("year=2020", "year")]
    [InlineData("measure=convicted&year=2020&by=year", "by")]
    public void Bad_statistics_parameters_are_reported(string parameters, string parameter)
    {
        var pairs = parameters.Split('&').Select(p => p.Split('=')).Select(p => new KeyValuePair<string, string>(p[0], p[1]));

        var (request, errors) = StatisticsRequest.Parse(pairs);

        Assert.Null(request);
        Assert.Contains(errors, e => e.Parameter == parameter);
    }
}
