using UjDatabase.Core.Cases;
using UjDatabase.Core.Editing;
using UjDatabase.Embedded;
using UjDatabase.Tests;

namespace UjDatabase.Cli.Tests;

/// <summary><c>ujdb history ID</c>.</summary>
public sealed class HistoryCommandTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    private async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new Dictionary<string, string?> { ["UJDB_DATA_DIR"] = directory.File("data") };
        var code = await Ujdb.RunAsync(["history", .. args], output, error, key => environment.GetValueOrDefault(key));
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task History_prints_each_revision_newest_first_with_author_and_each_field_before_and_after()
    {
        Directory.CreateDirectory(directory.File("data"));
        var database = new SqliteDatabase(Path.Combine(directory.File("data"), "ujdb.sqlite"));
        database.Migrate();
        var store = new SqliteCaseStore(database);
        var record = SampleCases.Valid("sample-case");
        await store.UpsertAsync([record]);
        var version = (await store.GetVersionedAsync([record.Id])).Single().Version;
        await store.SaveAsync(record with { Summary = "Changed summary.", Related = [.. record.Related, "another-case"] }, version, record, "alice", RevisionActions.Development, new DateTimeOffset(2026, 11, 29, 10, 5, 0, TimeSpan.Zero));

        var run = await RunAsync("sample-case");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("Revision 1: development by alice, 2026-11-29 10:05 UTC", run.Out, StringComparison.Ordinal);
        Assert.Contains("  summary\n", run.Out.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("    after:  \"Changed summary.\"", run.Out, StringComparison.Ordinal);
        Assert.Contains("  related", run.Out, StringComparison.Ordinal);
        Assert.Contains("    added:   \"another-case\"", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ujdb_import_keeps_a_revision_of_each_new_and_changed_record_by_the_command_and_os_account_and_none_of_an_unchanged_one()
    {
        var environment = new Dictionary<string, string?> { ["UJDB_DATA_DIR"] = directory.File("data") };
        async Task ImportAsync(params CaseRecord[] records)
        {
            var file = directory.File($"import-{Guid.NewGuid():N}.jsonl");
            await File.WriteAllLinesAsync(file, records.Select(r => UjDatabase.Core.Interchange.CaseJson.Serialize(r)));
            Assert.Equal(ExitCodes.Ok, await Ujdb.RunAsync(["import", file], TextWriter.Null, TextWriter.Null, key => environment.GetValueOrDefault(key)));
        }

        var kept = SampleCases.Valid("kept-case");
        var record = SampleCases.Valid("imported-case");
        await ImportAsync(kept, record);
        await ImportAsync(kept, record with { Summary = "Changed by the second import." });

        var changed = await RunAsync("imported-case");
        var unchanged = await RunAsync("kept-case");

        var author = $"ujdb import ({Environment.UserName})";
        Assert.Contains($"Revision 2: import by {author}", changed.Out, StringComparison.Ordinal);
        Assert.Contains("    after:  \"Changed by the second import.\"", changed.Out, StringComparison.Ordinal);
        Assert.Contains($"Revision 1: import by {author}", changed.Out, StringComparison.Ordinal);
        Assert.Contains($"Revision 1: import by {author}", unchanged.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Revision 2", unchanged.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ExitCodes.Usage)]
    [InlineData(ExitCodes.Usage, "a", "b")]
    [InlineData(ExitCodes.InvalidData, "<script>")]
    public async Task A_missing_extra_or_odd_id_is_refused(int exitCode, params string[] args)
    {
        Assert.Equal(exitCode, (await RunAsync(args)).ExitCode);
    }

    [Fact]
    public async Task A_record_never_edited_says_so()
    {
        var run = await RunAsync("no-such-case");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("No record no-such-case", run.Out, StringComparison.Ordinal);
    }
}
