using UjDatabase.Core.Interchange;
using UjDatabase.Tests;

namespace UjDatabase.Cli.Tests;

public sealed class CliTests : IDisposable
{
    private readonly TempDirectory directory = new();

    private sealed record Run(int ExitCode, string Out, string Error);

    private Task<Run> RunAsync(params string[] args) => RunInAsync(directory.File("data"), args);

    private static async Task<Run> RunInAsync(string dataDirectory, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new Dictionary<string, string?> { ["UJDB_DATA_DIR"] = dataDirectory };
        var code = await Ujdb.RunAsync(args, output, error, key => environment.GetValueOrDefault(key));
        return new Run(code, output.ToString(), error.ToString());
    }

    /// <summary>Every record as JSON Lines, ordered by id.</summary>
    private async Task<string> ExportAsync(string name)
    {
        Assert.Equal(ExitCodes.Ok, (await RunAsync("export", "--format", "jsonl", "--out", directory.File(name))).ExitCode);
        return await File.ReadAllTextAsync(directory.File(name));
    }

    private string WriteFile(string name, string text)
    {
        var path = directory.File(name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task No_arguments_prints_usage_and_exits_2()
    {
        var run = await RunAsync();

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("Usage:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_exits_0()
    {
        Assert.Equal(ExitCodes.Ok, (await RunAsync("--help")).ExitCode);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("export")]
    [InlineData("export", "--format", "xml")]
    [InlineData("export", "--format", "json", "--colour", "red")]
    [InlineData("validate")]
    [InlineData("import")]
    [InlineData("count", "extra")]
    [InlineData("generate", "--count", "-5", "--out", "x.jsonl")]
    public async Task A_wrong_command_line_exits_2(params string[] args)
    {
        var run = await RunAsync(args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("ujdb:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_then_count_on_a_fresh_data_directory_prints_0()
    {
        Assert.Equal(ExitCodes.Ok, (await RunAsync("migrate")).ExitCode);

        var count = await RunAsync("count");

        Assert.Equal(ExitCodes.Ok, count.ExitCode);
        Assert.Equal("0", count.Out.Trim());
    }

    [Fact]
    public async Task Validate_accepts_the_seed_data_and_writes_nothing()
    {
        var run = await RunAsync(["validate", .. TestFiles.SeedFiles]);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.StartsWith("Valid:", run.Out, StringComparison.Ordinal);
        Assert.Equal("0", (await RunAsync("count")).Out.Trim());
    }

    [Fact]
    public async Task Validate_lists_every_problem_and_exits_1()
    {
        var bad = CaseJson.Serialize(SampleCases.Valid() with { Stage = "sentenced", Verdict = "guilty" });
        var file = WriteFile("bad.jsonl", bad + "\n" + bad.Replace("sample-koblenz", "other-case", StringComparison.Ordinal) + "\n");

        var run = await RunAsync("validate", file);

        Assert.Equal(ExitCodes.InvalidData, run.ExitCode);
        Assert.Contains($"{file}: line 1: record 'sample-koblenz': stage = sentenced", run.Error, StringComparison.Ordinal);
        Assert.Contains($"{file}: line 2: record 'other-case': verdict = guilty", run.Error, StringComparison.Ordinal);
        Assert.Contains("4 problem(s) in 2 record(s).", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_import_exits_1_and_writes_nothing()
    {
        var good = CaseJson.Serialize(SampleCases.Valid("good-case"));
        var bad = CaseJson.Serialize(SampleCases.Valid("bad-case") with { Forum = new() { Country = "YU" } });
        var file = WriteFile("mixed.jsonl", good + "\n" + bad + "\n");

        var run = await RunAsync("import", file);

        Assert.Equal(ExitCodes.InvalidData, run.ExitCode);
        Assert.Contains("Import rejected: nothing was written.", run.Error, StringComparison.Ordinal);
        Assert.Equal("0", (await RunAsync("count")).Out.Trim());
    }

    [Fact]
    public async Task A_missing_file_exits_3()
    {
        var run = await RunAsync("import", directory.File("nope.json"));

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("no such file", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unsupported_profile_exits_3_with_a_clear_message()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new Dictionary<string, string?> { ["UJDB_DATA_DIR"] = directory.Path, ["UJDB_PROFILE"] = "Cloud" };

        var code = await Ujdb.RunAsync(["count"], output, error, key => environment.GetValueOrDefault(key));

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("UJDB_PROFILE='Cloud' is not a profile", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_profile_without_a_sql_server_exits_3_saying_what_is_missing()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new Dictionary<string, string?> { ["UJDB_PROFILE"] = "Server" };

        var code = await Ujdb.RunAsync(["count"], output, error, key => environment.GetValueOrDefault(key));

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("UJDB_SQLSERVER", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("count")]
    [InlineData("migrate")]
    [InlineData("verify")]
    public async Task The_server_profile_with_an_unreachable_sql_server_exits_3_naming_the_setting(string command)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new Dictionary<string, string?>
        {
            ["UJDB_PROFILE"] = "Server",
            ["UJDB_SQLSERVER"] = ClosedSqlServer.ConnectionString(),
        };

        var code = await Ujdb.RunAsync([command], output, error, key => environment.GetValueOrDefault(key));

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("UJDB_SQLSERVER", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_backup_restores_the_store_as_it_was_with_its_index_rebuilt_and_verified()
    {
        Assert.Equal(ExitCodes.Ok, (await RunAsync(["import", .. TestFiles.SeedFiles])).ExitCode);
        var backup = directory.File("ujdb-backup.sqlite");
        var made = await RunAsync("backup", backup);
        Assert.Equal(ExitCodes.Ok, made.ExitCode);
        Assert.Contains("Backed up", made.Out, StringComparison.Ordinal);
        var before = await ExportAsync("before.jsonl");

        // A change after the backup: a record removed from the store.
        var removedId = System.Text.Json.JsonDocument.Parse(File.ReadAllText(TestFiles.SeedFiles[0])).RootElement[0].GetProperty("id").GetString()!;
        using (var store = UjDatabase.Embedded.EmbeddedProfile.Create(new UjDatabase.Core.Storage.StorageSettings(UjDatabase.Core.Storage.StorageProfile.Embedded, directory.File("data"))).Parts)
        {
            Assert.True(await store.Store.DeleteAsync(removedId));
        }

        Assert.NotEqual(before, await ExportAsync("changed.jsonl"));

        var restored = await RunAsync("restore", backup);

        Assert.Equal(ExitCodes.Ok, restored.ExitCode);
        Assert.Contains("search index rebuilt", restored.Out, StringComparison.Ordinal);
        Assert.Contains("before-restore-", restored.Out, StringComparison.Ordinal);
        Assert.Equal(before, await ExportAsync("restored.jsonl"));
        Assert.Equal(ExitCodes.Ok, (await RunAsync("verify")).ExitCode);
    }

    [Fact]
    public async Task A_foreign_file_at_the_stores_path_is_named_and_a_backup_can_replace_it()
    {
        Assert.Equal(ExitCodes.Ok, (await RunAsync(["import", .. TestFiles.SeedFiles])).ExitCode);
        var backup = directory.File("b.sqlite");
        Assert.Equal(ExitCodes.Ok, (await RunAsync("backup", backup)).ExitCode);
        var other = directory.File("other-data");
        Directory.CreateDirectory(other);
        File.WriteAllText(Path.Combine(other, "ujdb.sqlite"), "a spreadsheet saved under the wrong name");

        var count = await RunInAsync(other, "count");
        var restore = await RunInAsync(other, "restore", backup);

        Assert.Equal(ExitCodes.Failure, count.ExitCode);
        Assert.Contains("is not a UjDatabase store", count.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, restore.ExitCode);
        Assert.Equal("a spreadsheet saved under the wrong name", File.ReadAllText(Assert.Single(Directory.GetFiles(other, "*before-restore*"))));
        Assert.Equal(ExitCodes.Ok, (await RunInAsync(other, "verify")).ExitCode);
    }

    [Fact]
    public async Task A_change_the_index_refuses_is_listed_by_sync_and_verify_until_fixed_and_retried()
    {
        Assert.Equal(ExitCodes.Ok, (await RunAsync(["import", .. TestFiles.SeedFiles])).ExitCode);
        // A record no index can take (an id longer than Lucene's longest term), written past the validator.
        var immense = new string('x', 33_000);
        using (var parts = UjDatabase.Embedded.EmbeddedProfile.Create(new UjDatabase.Core.Storage.StorageSettings(UjDatabase.Core.Storage.StorageProfile.Embedded, directory.File("data"))).Parts)
        {
            await parts.Store.UpsertAsync([SampleCases.Valid(immense)]);
        }

        var sync = await RunAsync("sync");
        var verify = await RunAsync("verify");

        Assert.Equal(ExitCodes.InvalidData, sync.ExitCode);
        Assert.Contains("set aside (dead letters)", sync.Error, StringComparison.Ordinal);
        Assert.Contains("ujdb sync --retry-dead", sync.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InvalidData, verify.ExitCode);
        Assert.Contains("the index refused version", verify.Error, StringComparison.Ordinal);

        // Still refused on a retry while the cause is there; fixed (the record removed, here), the retry clears it.
        Assert.Equal(ExitCodes.InvalidData, (await RunAsync("sync", "--retry-dead")).ExitCode);
        using (var parts = UjDatabase.Embedded.EmbeddedProfile.Create(new UjDatabase.Core.Storage.StorageSettings(UjDatabase.Core.Storage.StorageProfile.Embedded, directory.File("data"))).Parts)
        {
            await parts.Store.DeleteAsync(immense);
        }

        var retried = await RunAsync("sync", "--retry-dead");
        Assert.Equal(ExitCodes.Ok, retried.ExitCode);
        Assert.Equal(ExitCodes.Ok, (await RunAsync("verify")).ExitCode);
        Assert.Equal(ExitCodes.Usage, (await RunAsync("sync", "--retry")).ExitCode);
    }

    [Theory]
    [InlineData("backup", "a\u0001b.sqlite", "not a usable file name")]
    [InlineData("backup", "/proc/no-such-dir/b.sqlite", "cannot be written")]
    [InlineData("sync", "--retry-dead --retry-dead", "once")]
    public async Task Odd_backup_and_sync_arguments_get_a_clear_message_and_write_nothing(string command, string argument, string says)
    {
        Assert.Equal(ExitCodes.Ok, (await RunAsync(["import", .. TestFiles.SeedFiles])).ExitCode);

        var run = await RunAsync([command, .. argument.Split(' ')]);

        Assert.NotEqual(ExitCodes.Ok, run.ExitCode);
        Assert.Contains(says, run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(directory.Path, "a*b.sqlite"));
    }

    [Fact]
    public async Task A_backup_never_overwrites_a_file()
    {
        Assert.Equal(ExitCodes.Ok, (await RunAsync(["import", .. TestFiles.SeedFiles])).ExitCode);
        var existing = WriteFile("precious.txt", "not a backup");

        var run = await RunAsync("backup", existing);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("exists already", run.Error, StringComparison.Ordinal);
        Assert.Equal("not a backup", File.ReadAllText(existing));
    }

    [Theory]
    [InlineData("text", "is not a SQLite database")]
    [InlineData("truncated", "cannot be read")]
    [InlineData("foreign", "not a UjDatabase store")]
    [InlineData("newer", "newer version of UjDatabase")]
    public async Task Restore_refuses_a_file_that_is_not_a_whole_store_of_this_version_and_changes_nothing(string kind, string message)
    {
        Assert.Equal(ExitCodes.Ok, (await RunAsync(["import", .. TestFiles.SeedFiles])).ExitCode);
        var good = directory.File("good.sqlite");
        Assert.Equal(ExitCodes.Ok, (await RunAsync("backup", good)).ExitCode);
        var file = directory.File($"{kind}.sqlite");
        switch (kind)
        {
            case "text":
                File.WriteAllText(file, "hello");
                break;
            case "truncated":
                var bytes = File.ReadAllBytes(good);
                File.WriteAllBytes(file, bytes[..(bytes.Length / 3)]);
                break;
            case "foreign":
                using (var other = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False"))
                {
                    other.Open();
                    using var command = other.CreateCommand();
                    command.CommandText = "CREATE TABLE notes (text TEXT)";
                    command.ExecuteNonQuery();
                }

                break;
            default:
                File.Copy(good, file);
                using (var newer = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False"))
                {
                    newer.Open();
                    using var command = newer.CreateCommand();
                    command.CommandText = "INSERT INTO schema_version (version, applied_at) VALUES ('9999_from_the_future.sql', '2030-01-01')";
                    command.ExecuteNonQuery();
                }

                break;
        }

        var before = await ExportAsync("before.jsonl");
        var run = await RunAsync("restore", file);

        Assert.Equal(ExitCodes.InvalidData, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, await ExportAsync("after.jsonl"));
        Assert.Empty(Directory.GetFiles(directory.File("data"), "*before-restore*"));
    }

    [Fact]
    public async Task Restore_is_refused_while_another_process_uses_the_data_directory()
    {
        Assert.Equal(ExitCodes.Ok, (await RunAsync(["import", .. TestFiles.SeedFiles])).ExitCode);
        var backup = directory.File("b.sqlite");
        Assert.Equal(ExitCodes.Ok, (await RunAsync("backup", backup)).ExitCode);
        // The web app's hold on the data directory, as another process's: the exclusive lock beside the index.
        using var app = new FileStream(Path.Combine(directory.File("data"), "index.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var run = await RunAsync("restore", backup);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("in use", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(directory.File("data"), "*before-restore*"));
    }

    [Theory]
    [InlineData("backup")]
    [InlineData("restore")]
    public async Task Backup_and_restore_on_the_server_profile_point_to_the_servers_own_tools(string command)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new Dictionary<string, string?> { ["UJDB_PROFILE"] = "Server", ["UJDB_SQLSERVER"] = "Server=db;Database=ujdb" };

        var code = await Ujdb.RunAsync([command, directory.File("x.sqlite")], output, error, key => environment.GetValueOrDefault(key));

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("SQL Server", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_resilience_setting_of_the_server_profile_exits_3_naming_it()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new Dictionary<string, string?>
        {
            ["UJDB_PROFILE"] = "Server",
            ["UJDB_SQLSERVER"] = ClosedSqlServer.ConnectionString(),
            ["UJDB_ES_BREAK_FAILURE_RATIO"] = "150%",
        };

        var code = await Ujdb.RunAsync(["count"], output, error, key => environment.GetValueOrDefault(key));

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("UJDB_ES_BREAK_FAILURE_RATIO", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_export_import_export_gives_identical_files()
    {
        var import = await RunAsync(["import", .. TestFiles.SeedFiles]);
        Assert.Equal(ExitCodes.Ok, import.ExitCode);
        var first = directory.File("first.json");
        Assert.Equal(ExitCodes.Ok, (await RunAsync("export", "--format", "json", "--out", first)).ExitCode);

        var otherData = directory.File("other-data");
        Assert.Equal(ExitCodes.Ok, (await RunInAsync(otherData, "import", first)).ExitCode);
        var second = directory.File("second.json");
        Assert.Equal(ExitCodes.Ok, (await RunInAsync(otherData, "export", "--format", "json", "--out", second)).ExitCode);

        Assert.Equal(await File.ReadAllBytesAsync(first), await File.ReadAllBytesAsync(second));
        Assert.False(File.Exists(second + ".partial"));
        Assert.Equal((await RunAsync("count")).Out, (await RunInAsync(otherData, "count")).Out);
    }

    [Fact]
    public async Task Generate_writes_synthetic_records_that_import()
    {
        var file = directory.File("synthetic.jsonl");

        Assert.Equal(ExitCodes.Ok, (await RunAsync("generate", "--count", "250", "--out", file)).ExitCode);
        var import = await RunAsync("import", file);

        Assert.Equal(ExitCodes.Ok, import.ExitCode);
        Assert.StartsWith("Imported 250 record(s).\nThe search index is up to date.", import.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_brings_the_index_up_to_date_when_no_web_app_holds_it()
    {
        var import = await RunAsync(["import", .. TestFiles.SeedFiles]);
        Assert.Equal(ExitCodes.Ok, import.ExitCode);
        Assert.Contains("The search index is up to date.", import.Out, StringComparison.Ordinal);

        var verify = await RunAsync("verify");
        Assert.Equal(ExitCodes.Ok, verify.ExitCode);
        Assert.StartsWith("The index matches the store (", verify.Out, StringComparison.Ordinal);
        var found = directory.File("found.jsonl");
        Assert.Equal(ExitCodes.Ok, (await RunAsync("export", "--format", "jsonl", "--q", "Raslan", "--out", found)).ExitCode);
        Assert.Contains("\"raslan-koblenz\"", await File.ReadAllTextAsync(found), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_web_app_holding_the_index_import_and_verify_leave_the_changes_to_it_and_exit_0()
    {
        // The web app's part: it holds the embedded index's write lock while it runs.
        using var app = UjDatabase.Embedded.EmbeddedProfile.Create(new UjDatabase.Core.Storage.StorageSettings(UjDatabase.Core.Storage.StorageProfile.Embedded, directory.File("data"))).Parts;
        await app.Store.MigrateAsync();
        await app.Indexer.EnsureReadyAsync();

        var import = await RunAsync(["import", .. TestFiles.SeedFiles]);
        Assert.Equal(ExitCodes.Ok, import.ExitCode);
        Assert.Contains("change(s) wait to be indexed: the running web app indexes them", import.Out, StringComparison.Ordinal);

        var before = await RunAsync("verify");
        Assert.Equal(ExitCodes.Ok, before.ExitCode);
        Assert.Contains("still waiting to be indexed", before.Out, StringComparison.Ordinal);
        Assert.Equal(string.Empty, before.Error);

        while (await app.Indexer.SyncAsync() > 0)
        {
        }

        var after = await RunAsync("verify");
        Assert.StartsWith("The index matches the store (", after.Out, StringComparison.Ordinal);
        var reindex = await RunAsync("reindex");
        Assert.Equal(ExitCodes.Failure, reindex.ExitCode);
        Assert.Contains("in use by another process", reindex.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_fails_on_a_difference_no_pending_change_explains_until_reindex_repairs_it()
    {
        Assert.Equal(ExitCodes.Ok, (await RunAsync(["import", .. TestFiles.SeedFiles])).ExitCode);
        Assert.Equal(ExitCodes.Ok, (await RunAsync("reindex")).ExitCode);
        UjDatabase.Embedded.Tests.IndexTampering.SetVersion(Path.Combine(directory.File("data"), "index"), "raslan-koblenz", 0);

        var before = await RunAsync("verify");
        Assert.Equal(ExitCodes.InvalidData, before.ExitCode);
        Assert.Contains("raslan-koblenz: the store has version", before.Error, StringComparison.Ordinal);

        var reindex = await RunAsync("reindex");
        Assert.Equal(ExitCodes.Ok, reindex.ExitCode);
        Assert.StartsWith("Reindexed ", reindex.Out, StringComparison.Ordinal);

        var after = await RunAsync("verify");
        Assert.Equal(ExitCodes.Ok, after.ExitCode);
        Assert.StartsWith("The index matches the store", after.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_prints_a_markdown_table_with_its_counting_rule()
    {
        Assert.Equal(ExitCodes.Ok, (await RunAsync(["import", .. TestFiles.SeedFiles])).ExitCode);

        var run = await RunAsync("stats", "--year", "2022", "--by", "forum", "--unit", "cases");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("## Cases with developments in 2022, by prosecuting state", run.Out, StringComparison.Ordinal);
        Assert.Contains("| Prosecuting state | Count |", run.Out, StringComparison.Ordinal);
        Assert.Contains("Counting rule: A record counts in a year when at least one of its events", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_as_csv_and_json_follow_the_search_filters()
    {
        Assert.Equal(ExitCodes.Ok, (await RunAsync(["import", .. TestFiles.SeedFiles])).ExitCode);
        using var csv = new MemoryStream();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new Dictionary<string, string?> { ["UJDB_DATA_DIR"] = directory.File("data") };

        var code = await Ujdb.RunAsync(["stats", "--territory", "RW", "--by", "forum", "--format", "csv"], output, error, k => environment.GetValueOrDefault(k), () => new NonClosingStream(csv));

        Assert.Equal(ExitCodes.Ok, code);
        var text = System.Text.Encoding.UTF8.GetString(csv.ToArray()).TrimStart('\uFEFF');
        Assert.StartsWith("Prosecuting state,Count\r\n", text, StringComparison.Ordinal);
        Assert.Contains("France,", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Syria", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stats", "--by", "victims")]
    [InlineData("stats", "--format", "pdf")]
    [InlineData("stats", "--colour", "red")]
    [InlineData("export", "--format", "xlsx")]
    [InlineData("export", "--format", "csv", "--forum", "Germany")]
    public async Task Bad_stats_and_export_arguments_exit_2(params string[] args)
    {
        Assert.Equal(ExitCodes.Usage, (await RunAsync(args)).ExitCode);
    }

    [Fact]
    public async Task Export_with_search_filters_writes_only_that_search()
    {
        Assert.Equal(ExitCodes.Ok, (await RunAsync(["import", .. TestFiles.SeedFiles])).ExitCode);
        var file = directory.File("germany.jsonl");

        var run = await RunAsync("export", "--format", "jsonl", "--forum", "DE", "--out", file);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var lines = await File.ReadAllLinesAsync(file);
        var expected = TestFiles.SeedFiles.SelectMany(CaseFileReader.ReadFile).Count(i => i.Json!.Value.GetProperty("forum").GetProperty("country").GetString() == "DE");
        Assert.Equal(expected, lines.Length);
        Assert.All(lines, l => Assert.Contains("\"country\":\"DE\"", l, StringComparison.Ordinal));
    }

    /// <summary>Lets a test read what a command wrote to "standard output" after the command closed it.</summary>
    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }

    [Theory]
    [InlineData("--year", "abc")]
    [InlineData("--year", "2024abc")]
    [InlineData("--unit", "people")]
    [InlineData("--by", "victims")]
    public async Task Stats_rejects_a_bad_option_value_with_exit_2_naming_it(string option, string value)
    {
        var run = await RunAsync("stats", option, value);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains($"{option[2..]}={value}", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Importing_a_file_that_is_not_utf8_names_the_file_and_line_exits_1_and_writes_nothing()
    {
        var record = CaseJson.Serialize(SampleCases.Valid() with { Title = "Hissène Habré (Dakar)" });
        var path = WriteFile("latin1.jsonl", string.Empty);
        await File.WriteAllBytesAsync(path, System.Text.Encoding.Latin1.GetBytes(record + "\n"));

        var run = await RunAsync("import", path);

        Assert.Equal(ExitCodes.InvalidData, run.ExitCode);
        Assert.Contains($"{path}: line 1:", run.Error, StringComparison.Ordinal);
        Assert.Contains("not UTF-8", run.Error, StringComparison.Ordinal);
        Assert.Equal("0", (await RunAsync("count")).Out.Trim());
    }

    [Theory]
    [InlineData("migrate")]
    [InlineData("validate")]
    [InlineData("import")]
    [InlineData("export")]
    [InlineData("stats")]
    [InlineData("count")]
    [InlineData("reindex")]
    [InlineData("verify")]
    [InlineData("generate")]
    public async Task Every_command_answers_help_with_its_own_usage_and_exit_0(string command)
    {
        var run = await RunAsync(command, "--help");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.StartsWith($"Usage: ujdb {command}", run.Out, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Error);
    }
}
