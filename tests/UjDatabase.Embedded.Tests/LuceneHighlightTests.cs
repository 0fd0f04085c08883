using UjDatabase.Core.Search;
using UjDatabase.Tests;

namespace UjDatabase.Embedded.Tests;

public class LuceneHighlightTests
{
    private static async Task<string> HighlightAsync(string summary, string position, string queryString)
    {
        using var test = new TestStore();
        var record = SampleCases.Valid();
        await test.Store.UpsertAsync([record with { Summary = summary, Accused = record.Accused with { Position = position } }]);
        using var profile = test.OpenProfile().Parts;
        await profile.Indexer.SyncAsync();
        var hit = Assert.Single((await profile.Engine.SearchAsync(CaseQueryParser.Parse(queryString).Query)).Hits);
        return Assert.Single(hit.Highlights);
    }

    [Fact]
    public async Task The_snippet_comes_from_the_field_where_the_words_stand_together()
    {
        var highlight = await HighlightAsync(
            "Worked in a branch of the service for years.",
            "Guard at Branch 251 in Damascus",
            "q=branch%20251");

        Assert.Equal("Guard at <mark>Branch</mark> <mark>251</mark> in Damascus", highlight);
    }

    [Fact]
    public async Task Accented_letters_stay_letters_and_a_cut_snippet_says_so()
    {
        var summary = "Hissène Habré led the country. " + string.Concat(Enumerable.Repeat("Many further words follow here. ", 20)) + "Zanzibar ends it.";
        var highlight = await HighlightAsync(summary, "President", "q=zanzibar");

        Assert.StartsWith("… ", highlight, StringComparison.Ordinal);
        Assert.EndsWith("<mark>Zanzibar</mark> ends it.", highlight, StringComparison.Ordinal);

        var start = await HighlightAsync(summary, "President", "q=habre");
        Assert.StartsWith("Hissène <mark>Habré</mark> led", start, StringComparison.Ordinal);
        Assert.EndsWith(" …", start, StringComparison.Ordinal);
    }
}
