using System.Globalization;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Vocabularies;

namespace UjDatabase.Core.Synthetic;

/// <summary>
/// Generates valid, clearly fake records for scale tests and benchmarks. Every one is marked synthetic three ways:
/// its id starts with <c>synthetic-</c>, its title with <c>[synthetic]</c>, and its summary says so. They are never
/// written to seed-data.
/// </summary>
public static class SyntheticCases
{
    public const string IdPrefix = "synthetic-";

    private static readonly string[] GivenNames = ["Amadou", "Bashir", "Carla", "Dragan", "Esther", "Faisal", "Gaspard", "Hana", "Ivo", "Jamila", "Kofi", "Lucia", "Musa", "Nadia", "Omar", "Petra", "Rashid", "Samira", "Tomas", "Yusuf"];
    private static readonly string[] FamilyNames = ["Abakar", "Benali", "Cordero", "Dimitrov", "Essien", "Farouk", "Gashi", "Haddad", "Ilunga", "Jovanovic", "Kamara", "Lopez", "Mbeki", "Nasser", "Okoro", "Petrovic", "Quispe", "Rahimi", "Sesay", "Toure"];
    private static readonly string[] Forums = ["DE", "FR", "SE", "NL", "BE", "CH", "FI", "NO", "AT", "GB", "US", "ES", "DK", "CA", "SN"];
    private static readonly string[] Territories = ["SY", "IQ", "RW", "CD", "LR", "SL", "GM", "AF", "AR", "CL", "GT", "BA", "HR", "UA", "IR", "TD", "SD"];
    private static readonly string[] EventSequence = ["investigation_opened", "arrest", "indictment", "trial_opened", "verdict_first_instance"];
    private static readonly string[] Outcomes = ["convicted", "acquitted", "partially_convicted"];

    /// <summary>The stage a record without a verdict has reached after the first n+1 events of <see cref="EventSequence"/>.</summary>
    private static readonly string[] PreVerdictStages = ["investigation", "arrest", "indictment", "trial"];
    private static readonly string[] Words = ["detention", "checkpoint", "prison", "village", "massacre", "militia", "interrogation", "convoy", "camp", "hospital", "school", "church", "market", "border", "shelling", "siege"];
    private static readonly string[] Syllables = ["ba", "ko", "ri", "ma", "te", "lu", "sa", "ne", "do", "vi", "gu", "pe", "zo"];

    /// <summary>How many made-up place names summaries draw from, the first far more often than the last.</summary>
    public const int PlaceCount = 2000;

    /// <summary>
    /// A made-up place name ("Bakori"). Summaries mention one, drawn so that low numbers are common and high ones rare
    /// (the chance of a number below k is (k / 2000)^¼): benchmarks find words of every frequency, as in real text.
    /// </summary>
    public static string PlaceName(int index)
    {
        var name = Syllables[index % 13] + Syllables[index / 13 % 13] + Syllables[index / 169 % 13];
        return char.ToUpperInvariant(name[0]) + name[1..];
    }

    public static IEnumerable<CaseRecord> Generate(int count, int seed = 1)
    {
        var random = new Random(seed);
        for (var i = 1; i <= count; i++)
        {
            yield return Create(random, i);
        }
    }

    private static CaseRecord Create(Random random, int number)
    {
        string Pick(IReadOnlyList<string> items) => items[random.Next(items.Count)];
        string PickCode(Vocabulary vocabulary) => vocabulary.Terms[random.Next(vocabulary.Terms.Count)].Code;

        var serial = number.ToString("D7", CultureInfo.InvariantCulture);
        var grouped = random.Next(4) == 0;
        // Co-defendants (consecutive numbers share a group) get different given names, so no group names one person twice.
        var name = $"{(grouped ? GivenNames[number % GivenNames.Length] : Pick(GivenNames))} {Pick(FamilyNames)}";
        var forum = Pick(Forums);
        var territory = Pick(Territories);
        var fromYear = 1975 + random.Next(45);
        var events = new List<CaseEvent>();
        var year = fromYear + 1 + random.Next(5);
        var dates = new List<PartialDate>();
        foreach (var type in EventSequence.Take(1 + random.Next(5)))
        {
            dates.Add(PartialDate.OfDay(year, 1 + random.Next(12), 1 + random.Next(28)));
            year += random.Next(2);
        }

        dates.Sort();
        var crimes = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => PickCode(Catalogue.Crime)).Distinct().ToList();
        var outcome = Pick(Outcomes);
        if (outcome == "partially_convicted" && crimes.Count == 1)
        {
            // A partial conviction needs one crime convicted and another acquitted.
            outcome = "convicted";
        }

        foreach (var (type, date) in EventSequence.Zip(dates))
        {
            events.Add(new CaseEvent
            {
                Date = date,
                Type = type,
                Description = $"{Pick(Words)} {Pick(Words)}",
                Outcome = type == "verdict_first_instance" ? outcome : null,
            });
        }

        // Verdict, stage, charges and sentence follow the events, as the format's consistency rules require.
        var verdict = events[^1].Outcome;
        var charges = crimes.Select((crime, i) => new Charge
        {
            Crime = crime,
            Stage = verdict switch
            {
                "convicted" => "convicted",
                "acquitted" => "acquitted",
                "partially_convicted" => i == 0 ? "convicted" : "acquitted",
                _ => events.Any(e => e.Type == "indictment") ? "charged" : "alleged",
            },
            Qualification = null,
            Topics = random.Next(5) == 0 ? [PickCode(Catalogue.Topic)] : [],
        }).ToList();
        var stage = verdict is null ? PreVerdictStages[events.Count - 1] : Pick(["judgment", "appeal", "final"]);
        var guilty = verdict is "convicted" or "partially_convicted";

        return new CaseRecord
        {
            Id = IdPrefix + serial,
            CaseGroup = grouped ? $"{IdPrefix}group-{number / 3:D6}" : null,
            Title = $"[synthetic] {name} ({forum})",
            Accused = new Accused
            {
                Name = name,
                PublishedName = random.Next(3) == 0 ? $"{name.Split(' ')[0]} {name.Split(' ')[1][0]}." : null,
                Aliases = random.Next(3) == 0 ? [$"{Pick(GivenNames)} {Pick(FamilyNames)}"] : [],
                Type = random.Next(40) == 0 ? "organisation" : "person",
                Gender = PickCode(Catalogue.Gender),
                Nationalities = [territory],
                Affiliation = PickCode(Catalogue.Affiliation),
                Position = $"Commander of the {Pick(Words)} unit",
                ResidenceCountry = random.Next(2) == 0 ? forum : null,
            },
            Forum = new Forum { Country = forum, Court = $"Synthetic Court of {Countries.NameOf(forum)}", City = null },
            TerritorialCountries = [territory],
            Situation = $"{Countries.NameOf(territory)} {fromYear}",
            CrimePeriod = new CrimePeriod { From = PartialDate.OfYear(fromYear), To = PartialDate.OfYear(fromYear + random.Next(3)) },
            JurisdictionBasis = [PickCode(Catalogue.JurisdictionBasis)],
            Charges = charges,
            Topics = random.Next(2) == 0 ? [PickCode(Catalogue.Topic)] : [],
            Stage = stage,
            Verdict = verdict ?? "none",
            Presence = PickCode(Catalogue.Presence),
            Sentence = guilty && random.Next(2) == 0 ? new Sentence { Type = "years", Years = 1 + random.Next(30), Text = null } : null,
            Events = events,
            LegalIssues = random.Next(10) == 0 ? [new LegalIssue { Issue = PickCode(Catalogue.LegalIssue), Note = "Synthetic note." }] : [],
            CivilSociety = random.Next(2) == 0 ? [new CivilSocietyOrganisation { Name = $"Synthetic {Pick(Words)} Network", Roles = [PickCode(Catalogue.CivilSocietyRole)] }] : [],
            Summary = $"Synthetic record generated for scale tests; not a real case. Mentions {Pick(Words)} and {Pick(Words)} near {PlaceName((int)(PlaceCount * Math.Pow(random.NextDouble(), 4)))}.",
            Sources = [new Source { Url = $"https://example.org/synthetic/{serial}", Title = "Synthetic source", Publisher = null, Date = null }],
            Related = [],
            Publication = "published",
            Updated = PartialDate.OfDay(2026, 1, 1),
        };
    }
}
