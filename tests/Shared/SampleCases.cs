using UjDatabase.Core.Cases;

namespace UjDatabase.Tests;

/// <summary>Hand-built records for tests: small, valid, and easy to break one field at a time.</summary>
internal static class SampleCases
{
    public static CaseRecord Valid(string id = "sample-koblenz") => new()
    {
        Id = id,
        CaseGroup = $"{id}-group",
        Title = "Sample Accused (Koblenz)",
        Accused = new Accused
        {
            Name = "Sample Accused",
            PublishedName = "Sample A.",
            Aliases = ["Sampel Accused"],
            Type = "person",
            Gender = "male",
            Nationalities = ["SY"],
            Affiliation = "state_security_intelligence_police",
            Position = "Officer",
        },
        Forum = new Forum { Country = "DE", Court = "Higher Regional Court Koblenz", City = "Koblenz" },
        TerritorialCountries = ["SY"],
        Situation = "Syria 2011-",
        CrimePeriod = new CrimePeriod { From = PartialDate.Parse("2011-04"), To = PartialDate.Parse("2012-09") },
        JurisdictionBasis = ["universal"],
        Charges = [new Charge { Crime = "crimes_against_humanity", Stage = "convicted", Qualification = "torture" }],
        Stage = "judgment",
        Verdict = "convicted",
        Presence = "detained",
        Sentence = new Sentence { Type = "years", Years = 4.5, Text = "Four and a half years" },
        Events =
        [
            new CaseEvent { Date = PartialDate.Parse("2019-02-12"), Type = "arrest", Description = "Arrested" },
            new CaseEvent { Date = PartialDate.Parse("2021-02"), Type = "verdict_first_instance", Outcome = "convicted" },
        ],
        Summary = "A sample record used by tests.",
        Sources = [new Source { Url = "https://example.org/sample", Title = "Sample source", Publisher = "Example", Date = PartialDate.Parse("2021") }],
        Related = [],
        Publication = "published",
        Updated = PartialDate.Parse("2026-11-21"),
    };

    /// <summary>A record that uses every field of the format v1.1.</summary>
    public static CaseRecord WithEveryField(string id = "sample-full-koblenz") => Valid(id) with
    {
        Accused = Valid().Accused with { ResidenceCountry = "DE", SortName = "Accused, Sample" },
        Charges =
        [
            new Charge { Crime = "crimes_against_humanity", Stage = "convicted", Qualification = "torture, rape", Topics = ["sexual_gender_based_violence"] },
            new Charge { Crime = "war_crimes", Stage = "acquitted", Qualification = null },
        ],
        Verdict = "partially_convicted",
        Events =
        [
            new CaseEvent { Date = PartialDate.Parse("2019-02-12"), Type = "arrest", Description = "Arrested" },
            new CaseEvent { Date = PartialDate.Parse("2021-02"), Type = "verdict_first_instance", Outcome = "partially_convicted" },
        ],
        Topics = ["sexual_gender_based_violence", "persecution"],
        LegalIssues = [new LegalIssue { Issue = "immunity", Note = "The court held that functional immunity does not bar prosecution." }],
        CivilSociety = [new CivilSocietyOrganisation { Name = "Sample Centre for Rights", Roles = ["complainant", "witness_support"] }],
        Victims = new Victims { CivilParties = true, CivilPartiesCount = 29, Groups = ["detainees of a sample prison"] },
        Reparation = new Reparation { Ordered = true, OrderedBy = "Higher Regional Court Koblenz", Forms = ["compensation"], Amount = 15000, Currency = "EUR", Note = "Paid to the joint plaintiffs." },
    };
}
