using System.Text;
using UjDatabase.Core.Import;
using UjDatabase.Core.Interchange;
using UjDatabase.Tests;

namespace UjDatabase.Embedded.Tests;

public class ImportTests
{
    private static async Task<byte[]> ExportAsync(SqliteCaseStore store, InterchangeFormat format)
    {
        using var stream = new MemoryStream();
        await CaseFileWriter.WriteAsync(stream, store.StreamAllAsync(), format);
        return stream.ToArray();
    }

    [Fact]
    public async Task A_rejected_import_leaves_the_database_file_byte_for_byte_unchanged()
    {
        using var test = new TestStore();
        await new CaseImporter(test.Store).ImportAsync(TestFiles.SeedFiles);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var before = await File.ReadAllBytesAsync(test.Database.Path);

        var good = CaseJson.Serialize(SampleCases.Valid("new-case"));
        var bad = CaseJson.Serialize(SampleCases.Valid("bad-case") with { Stage = "sentenced" });
        var file = test.File("mixed.jsonl");
        await File.WriteAllTextAsync(file, good + "\n" + bad + "\n");
        var result = await new CaseImporter(test.Store).ImportAsync([file]);

        Assert.False(result.Accepted);
        Assert.Equal(0, result.Written);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(2, problem.Problem.Line);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Assert.Equal(before, await File.ReadAllBytesAsync(test.Database.Path));
        Assert.Null(await test.Store.GetAsync("new-case"));
    }

    [Fact]
    public async Task Every_bad_record_is_listed_with_its_line_not_just_the_first()
    {
        using var test = new TestStore();
        var file = test.File("bad.jsonl");
        var lines = new StringBuilder();
        lines.AppendLine(CaseJson.Serialize(SampleCases.Valid("a-case") with { Verdict = "guilty" }));
        lines.AppendLine(CaseJson.Serialize(SampleCases.Valid("b-case")));
        lines.AppendLine("{not json");
        lines.AppendLine(CaseJson.Serialize(SampleCases.Valid("a-case")));
        lines.AppendLine(CaseJson.Serialize(SampleCases.Valid("c-case") with { Related = ["missing-case"] }));
        await File.WriteAllTextAsync(file, lines.ToString());

        var result = await new CaseImporter(test.Store).ImportAsync([file]);

        Assert.Equal([1, 3, 4, 5], result.Problems.Select(p => p.Problem.Line!.Value).Order());
        Assert.Equal(0, await test.Store.CountAsync());
    }

    [Fact]
    public async Task Related_ids_may_name_records_already_in_the_store()
    {
        using var test = new TestStore();
        await test.Store.UpsertAsync([SampleCases.Valid("in-store")]);
        var file = test.File("related.json");
        await File.WriteAllTextAsync(file, "[" + CaseJson.Serialize(SampleCases.Valid("new-case") with { Related = ["in-store"] }) + "]");

        var result = await new CaseImporter(test.Store).ImportAsync([file]);

        Assert.True(result.Accepted);
        Assert.Equal(2, await test.Store.CountAsync());
    }

    [Theory]
    [InlineData(InterchangeFormat.Json)]
    [InlineData(InterchangeFormat.Jsonl)]
    public async Task Export_then_import_into_an_empty_store_then_export_gives_identical_bytes(InterchangeFormat format)
    {
        using var first = new TestStore();
        Assert.True((await new CaseImporter(first.Store).ImportAsync(TestFiles.SeedFiles)).Accepted);
        var exported = await ExportAsync(first.Store, format);
        var file = first.File("export." + format.ToString().ToLowerInvariant());
        await File.WriteAllBytesAsync(file, exported);

        using var second = new TestStore();
        var result = await new CaseImporter(second.Store).ImportAsync([file]);

        Assert.True(result.Accepted);
        Assert.Equal(await first.Store.CountAsync(), result.Written);
        Assert.Equal(exported, await ExportAsync(second.Store, format));
    }

    [Fact]
    public async Task Importing_the_same_file_again_updates_in_place()
    {
        using var test = new TestStore();
        await new CaseImporter(test.Store).ImportAsync(TestFiles.SeedFiles);
        var count = await test.Store.CountAsync();

        var again = await new CaseImporter(test.Store).ImportAsync(TestFiles.SeedFiles);

        Assert.True(again.Accepted);
        Assert.Equal(count, await test.Store.CountAsync());
        Assert.Equal(2 * count, test.Store.ReadOutbox().Count);
    }
}
