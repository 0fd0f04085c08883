using UjDatabase.Core.Synthetic;

namespace UjDatabase.Bench;

/// <summary>One class of query the bench times: a name for the table and the search as URL parameters.</summary>
internal sealed record QueryClass(string Name, string Parameters);

/// <summary>The query set, the same for the app and the peer: every kind of search the issue names.</summary>
internal static class QuerySet
{
    public static IReadOnlyList<QueryClass> All { get; } =
    [
        new("browse", string.Empty),
        new("1 filter", "forum=DE"),
        new("3 filters", "forum=DE&crime=genocide&stage=trial"),
        new("6 filters + years", "forum=DE&territory=SY&crime=war_crimes&charge_stage=convicted&gender=male&from=1990&to=2020"),
        // The rarest made-up place: about one record in 8,000.
        new("rare word", "q=" + SyntheticCases.PlaceName(SyntheticCases.PlaceCount - 1)),
        // A family name: one record in 20.
        new("medium word", "q=Jovanovic"),
        // In every record.
        new("near-universal word", "q=synthetic"),
        // Each in about half of the records.
        new("two words", "q=detention%20convoy"),
        new("phrase", "q=%22detention%20camp%22"),
        new("name", "q=Amadou%20Petrovic"),
        new("text + 3 filters", "q=massacre&forum=FR&crime=torture&from=2000&to=2015"),
        new("deep page", "page=400&size=25"),
    ];
}
