using Dapper;

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
