using UjDatabase.Core.Cases;
using UjDatabase.Core.Interchange;
using UjDatabase.Core.Validation;
using UjDatabase.Tests;

namespace UjDatabase.Core.Tests;

/// <summary>The seed data is validated on every run, and must keep covering what the database promises to hold.</summary>
public class SeedDataTests
{
    private static readonly Lazy<List<CaseRecord>> Seed = new(LoadSeed);

    private static List<CaseRecord> LoadSeed()
    {
        var batch = new BatchChecks();
        var problems = new List<string>();
        var records = new List<CaseRecord>();
        foreach (var file in TestFiles.SeedFiles)
        {
            foreach (var item in CaseFileReader.ReadFile(file))
            {
                if (item.Json is not { } json)
                {
                    problems.Add($"{file}: line {item.Line}: {item.Error}");
                    continue;
                }

                var decoded = CaseDecoder.Decode(json, item.Line);
                problems.AddRange(decoded.Problems.Select(p => $"{file}: {p}"));
                if (decoded.Record is not null)
                {
                    problems.AddRange(batch.Add(decoded.Record, item.Line, file).Select(p => $"{file}: {p}"));
                    records.Add(decoded.Record);
                }
            }
        }

        problems.AddRange(batch.DanglingReferences(new HashSet<string>()).Select(p => $"{p.Source}: {p.Problem}"));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        return records;
    }

    [Fact]
    public void Every_seed_record_is_valid_and_ids_and_references_resolve() => Assert.NotEmpty(Seed.Value);

    [Fact]
    public void There_are_at_least_300_records_all_published_with_sources_and_summaries()
    {
        Assert.True(Seed.Value.Count >= 300, $"{Seed.Value.Count} records");
        Assert.All(Seed.Value, r =>
        {
            Assert.True(r.IsPublished);
            Assert.NotEmpty(r.Sources);
            Assert.False(string.IsNullOrWhiteSpace(r.Summary));
        });
    }

    [Fact]
    public void No_synthetic_record_is_mixed_into_the_seed_data()
    {
        Assert.DoesNotContain(Seed.Value, r => r.Id.StartsWith(Synthetic.SyntheticCases.IdPrefix, StringComparison.Ordinal)
            || r.Title.Contains("[synthetic]", StringComparison.OrdinalIgnoreCase)
            || r.Sources.Any(s => s.Url!.Contains("example.org", StringComparison.Ordinal)));
    }

    [Fact]
    public void At_least_25_prosecuting_states_are_covered()
    {
        Assert.True(Seed.Value.Select(r => r.Forum.Country).Distinct().Count() >= 25);
    }

    [Theory]
    [InlineData(2022, 45)]
    [InlineData(2023, 45)]
    [InlineData(2024, 60)]
    [InlineData(2025, 40)]
    public void Recent_years_are_covered_in_cases_with_developments(int year, int cases)
    {
        var counted = Seed.Value.Where(r => r.Events.Any(e => e.Date!.Value.Year == year)).Select(r => r.CaseGroup ?? r.Id).Distinct().Count();
        Assert.True(counted >= cases, $"{counted} cases with a development in {year}");
    }

    [Fact]
    public void Every_record_tells_one_story_verdict_charges_stage_sentence_and_events_agree()
    {
        Assert.All(Seed.Value, r => Assert.Empty(RecordConsistency.Check(r)));
    }

    [Fact]
    public void Every_source_is_an_absolute_http_address_and_no_record_cites_a_page_twice()
    {
        Assert.All(Seed.Value, r =>
        {
            Assert.All(r.Sources, s => Assert.True(Uri.TryCreate(s.Url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Contains('.', StringComparison.Ordinal), $"{r.Id}: {s.Url}"));
            Assert.Equal(r.Sources.Count, r.Sources.Select(s => s.Url).Distinct(StringComparer.Ordinal).Count());
        });
    }

    [Fact]
    public void No_two_records_share_an_id_or_name_one_defendant_twice_in_one_case()
    {
        Assert.Equal(Seed.Value.Count, Seed.Value.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count());
        var defendants = Seed.Value.Where(r => r.CaseGroup is not null && r.Accused.Name is not null).Select(r => (r.CaseGroup, Name: Search.QueryText.Fold(r.Accused.Name!))).ToList();
        Assert.Equal(defendants.Count, defendants.Distinct().Count());
    }

    [Fact]
    public void Records_are_dated_the_day_they_were_last_checked_which_is_never_in_the_future()
    {
        var today = PartialDate.FromDate(DateOnly.FromDateTime(DateTime.UtcNow));
        Assert.All(Seed.Value, r => Assert.True(r.Updated!.Value <= today, $"{r.Id}: updated {r.Updated}"));
        Assert.True(Seed.Value.Select(r => r.Updated).Distinct().Count() > 1, "every record carries the same date: say which were re-checked");
    }

    [Theory]
    [InlineData("SY")]
    [InlineData("IQ")]
    [InlineData("RW")]
    [InlineData("CD")]
    [InlineData("LR")]
    [InlineData("GM")]
    [InlineData("AF")]
    [InlineData("AR")]
    [InlineData("CL")]
    [InlineData("GT")]
    [InlineData("BA")]
    [InlineData("TD")]
    [InlineData("UA")]
    [InlineData("BY")]
    [InlineData("VE")]
    [InlineData("MM")]
    public void Crimes_committed_in_each_promised_country_are_covered(string country)
    {
        Assert.Contains(Seed.Value, r => r.TerritorialCountries.Contains(country));
    }

    [Fact]
    public void The_mix_includes_acquittals_companies_unnamed_suspects_trials_in_absentia_and_co_defendants()
    {
        var records = Seed.Value;
        Assert.True(records.Count(r => r.Verdict == "acquitted" || r.Stage == "dismissed") >= 5);
        Assert.True(records.Count(r => r.Accused.Type == "organisation" || r.Accused.Affiliation == "economic_actor") >= 3);
        Assert.True(records.Count(r => r.Accused.Type == "unidentified") >= 2);
        Assert.True(records.Count(r => r.Presence == "in_absentia") >= 2);
        Assert.True(records.Where(r => r.CaseGroup is not null).GroupBy(r => r.CaseGroup).Count(g => g.Count() >= 2) >= 5);
    }

    [Fact]
    public void Every_event_list_is_in_date_order()
    {
        Assert.All(Seed.Value, r => Assert.True(
            r.Events.Zip(r.Events.Skip(1)).All(pair => !pair.Second.Date!.Value.IsCertainlyBefore(pair.First.Date!.Value)),
            $"{r.Id}: events out of order"));
    }
}
