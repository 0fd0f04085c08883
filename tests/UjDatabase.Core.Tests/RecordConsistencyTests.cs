using UjDatabase.Core.Cases;
using UjDatabase.Core.Validation;
using UjDatabase.Tests;

namespace UjDatabase.Core.Tests;

/// <summary>Verdict, charges, stage, sentence and events must tell one story, or the record is counted wrongly.</summary>
public class RecordConsistencyTests
{
    private static readonly CaseRecord Sample = SampleCases.Valid();

    private static List<string> Paths(CaseRecord record) => CaseValidator.Validate(record).Select(p => p.Path).ToList();

    private static CaseEvent Verdict(string date, string outcome, string type = "verdict_first_instance") =>
        new() { Date = PartialDate.Parse(date), Type = type, Outcome = outcome };

    [Fact]
    public void Convicted_with_an_acquitted_charge_must_be_a_partial_conviction()
    {
        var record = Sample with { Charges = [.. Sample.Charges, new Charge { Crime = "war_crimes", Stage = "acquitted" }] };

        var problem = Assert.Single(CaseValidator.Validate(record));
        Assert.Equal("verdict", problem.Path);
        Assert.Contains("partially_convicted", problem.Message, StringComparison.Ordinal);
        Assert.Empty(CaseValidator.Validate(record with { Verdict = "partially_convicted", Events = [Sample.Events[0], Verdict("2021-02", "partially_convicted")] }));
    }

    [Fact]
    public void A_conviction_needs_a_convicted_charge_and_an_acquittal_an_acquitted_one()
    {
        Assert.Contains("charges", Paths(Sample with { Charges = [new Charge { Crime = "torture", Stage = "charged" }] }));
        var acquitted = Sample with { Verdict = "acquitted", Sentence = null, Events = [Sample.Events[0], Verdict("2021-02", "acquitted")] };
        Assert.Equal(["verdict", "charges"], Paths(acquitted));
    }

    [Fact]
    public void A_decided_verdict_needs_a_dated_verdict_event_whose_latest_outcome_agrees()
    {
        Assert.Equal(["events"], Paths(Sample with { Events = [Sample.Events[0]] }));
        var overturned = Sample with { Events = [.. Sample.Events, Verdict("2022-05", "acquitted", "verdict_appeal")] };
        Assert.Contains("events[2].outcome", Paths(overturned));
    }

    [Fact]
    public void A_verdict_event_that_decided_means_the_verdict_cannot_stay_unknown()
    {
        var record = Sample with { Verdict = null, Stage = "trial", Sentence = null, Charges = [new Charge { Crime = "torture", Stage = "charged" }] };
        Assert.Equal(["events[1].outcome"], Paths(record));
    }

    [Fact]
    public void Stages_after_a_verdict_need_one_and_a_final_event_makes_the_stage_final()
    {
        var undecided = Sample with { Verdict = "none", Sentence = null, Charges = [new Charge { Crime = "torture", Stage = "charged" }], Events = [Sample.Events[0]] };
        Assert.Equal(["stage"], Paths(undecided));
        var final = Sample with { Events = [.. Sample.Events, new CaseEvent { Date = PartialDate.Parse("2022"), Type = "final" }] };
        Assert.Equal(["stage"], Paths(final));
        Assert.Empty(Paths(final with { Stage = "final" }));
    }

    [Fact]
    public void A_final_dismissal_keeps_the_stage_dismissed()
    {
        var dismissed = Sample with
        {
            Stage = "dismissed", Verdict = "none", Sentence = null,
            Charges = [new Charge { Crime = "torture", Stage = "dropped" }],
            Events = [Sample.Events[0], new CaseEvent { Date = PartialDate.Parse("2020"), Type = "dismissed" }, new CaseEvent { Date = PartialDate.Parse("2021"), Type = "final" }],
        };

        Assert.Empty(Paths(dismissed));
    }

    [Fact]
    public void A_sentence_goes_only_with_a_conviction()
    {
        var acquitted = Sample with
        {
            Verdict = "acquitted",
            Charges = [new Charge { Crime = "torture", Stage = "acquitted" }],
            Events = [Sample.Events[0], Verdict("2021-02", "acquitted")],
        };

        Assert.Equal(["sentence"], Paths(acquitted));
    }

    [Fact]
    public void Events_must_be_listed_in_date_order()
    {
        var record = Sample with { Events = [Sample.Events[1], Sample.Events[0]] };
        Assert.Contains("events[1].date", Paths(record));
    }

    [Fact]
    public void A_bad_code_is_reported_once_not_again_as_every_disagreement_it_causes()
    {
        var problem = Assert.Single(CaseValidator.Validate(Sample with { Verdict = "guilty" }));
        Assert.Equal("verdict", problem.Path);
    }

    [Fact]
    public void One_case_group_cannot_name_the_same_accused_twice()
    {
        var batch = new BatchChecks();
        Assert.Empty(batch.Add(Sample, 1, "a.json"));
        var twice = Sample with { Id = "sample-again", Accused = Sample.Accused with { Name = "SÁMPLE ACCUSED" } };

        var problem = Assert.Single(batch.Add(twice, 9, "a.json"));
        Assert.Equal("accused.name", problem.Path);
        Assert.Contains("sample-koblenz", problem.Message, StringComparison.Ordinal);
        Assert.Empty(batch.Add(twice with { Id = "sample-elsewhere", CaseGroup = "other-group" }, 12, "a.json"));
    }
}
