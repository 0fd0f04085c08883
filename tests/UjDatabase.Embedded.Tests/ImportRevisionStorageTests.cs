using Dapper;
using UjDatabase.Core.Interchange;
using UjDatabase.Core.Storage;
using UjDatabase.Tests;

namespace UjDatabase.Embedded.Tests;

/// <summary>What the history of imports costs on disk: a record an import creates is stored once, not again in its revision.</summary>
public sealed class ImportRevisionStorageTests : IDisposable
{
    private readonly TestStore test = new();

    public void Dispose() => test.Dispose();

    [Fact]
    public async Task The_revisions_of_records_an_import_creates_keep_no_copy_of_them_but_those_of_changed_records_keep_both()
    {
        var records = TestFiles.SeedFiles.SelectMany(CaseFileReader.ReadFile).Select(i => CaseDecoder.Decode(i.Json!.Value, i.Line).Record!).Take(20).ToList();
        await test.Store.UpsertAsync(records, new RevisionStamp("ujdb import (ci)", "import", DateTimeOffset.UnixEpoch));
        await test.Store.UpsertAsync([records[0] with { Stage = "appeal" }], new RevisionStamp("ujdb import (ci)", "import", DateTimeOffset.UnixEpoch.AddDays(1)));

        using var connection = test.Database.Open();
        var copies = connection.Query<(string CaseId, long Number, bool Before, bool After)>(
            "SELECT case_id, number, previous_json IS NOT NULL, record_json IS NOT NULL FROM revisions ORDER BY case_id, number").ToList();

        Assert.Equal(21, copies.Count);
        Assert.All(copies.Where(c => c.Number == 1), c => Assert.Equal((false, false), (c.Before, c.After)));
        Assert.Equal((true, true), copies.Single(c => c.Number == 2) is var changed ? (changed.Before, changed.After) : default);
        Assert.Equal(CaseJson.Serialize(records[5]), (await test.Store.HistoryAsync(records[5].Id)).Single().RecordJson);
    }
}
