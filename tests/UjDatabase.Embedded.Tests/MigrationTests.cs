using Dapper;
using UjDatabase.Tests;

namespace UjDatabase.Embedded.Tests;

public class MigrationTests
{
    [Fact]
    public void Migrating_twice_applies_each_migration_once_and_records_it()
    {
        using var test = new TestStore();

        var second = test.Database.Migrate();

        Assert.Empty(second);
        using var connection = test.Database.Open();
        var recorded = connection.Query<string>("SELECT version FROM schema_version ORDER BY version").AsList();
        Assert.Equal(SqliteDatabase.Migrations().Select(m => m.Name), recorded);
        Assert.Contains("0001_case_store", recorded);
    }

    [Theory]
    [InlineData("notes I keep here")]
    [InlineData("\u0000\u0001 binary")]
    public void A_file_that_is_not_a_store_at_the_stores_path_is_named_and_left_as_it_is(string content)
    {
        using var directory = new TempDirectory();
        var path = directory.File("ujdb.sqlite");
        File.WriteAllText(path, content);

        var error = Assert.Throws<InvalidOperationException>(() => new SqliteDatabase(path).Migrate());

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("not a UjDatabase store", error.Message, StringComparison.Ordinal);
        Assert.Equal(content, File.ReadAllText(path));
    }

    [Fact]
    public void A_store_written_by_a_newer_version_is_refused_before_anything_is_written()
    {
        using var test = new TestStore();
        using (var connection = test.Database.Open())
        {
            connection.Execute("INSERT INTO schema_version (version, applied_at) VALUES ('9999_from_the_future', '2030-01-01')");
        }

        var error = Assert.Throws<InvalidOperationException>(() => test.Database.Migrate());

        Assert.Contains("newer version of UjDatabase", error.Message, StringComparison.Ordinal);
        Assert.Contains("9999_from_the_future", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_database_uses_write_ahead_logging_foreign_keys_and_a_busy_timeout()
    {
        using var test = new TestStore();
        using var connection = test.Database.Open();

        Assert.Equal("wal", connection.ExecuteScalar<string>("PRAGMA journal_mode"));
        Assert.Equal(1, connection.ExecuteScalar<long>("PRAGMA foreign_keys"));
        Assert.True(connection.ExecuteScalar<long>("PRAGMA busy_timeout") >= 5000);
    }

    [Fact]
    public void The_data_directory_is_created_when_missing()
    {
        using var test = new TestStore();
        var nested = test.File(Path.Combine("a", "b", "ujdb.sqlite"));

        new SqliteDatabase(nested).Migrate();

        Assert.True(File.Exists(nested));
    }
}
