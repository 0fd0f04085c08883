using UjDatabase.Embedded;
using UjDatabase.Tests;

namespace UjDatabase.Embedded.Tests;

/// <summary>A migrated SQLite store in a fresh temp directory.</summary>
internal sealed class TestStore : IDisposable
{
    private readonly TempDirectory directory = new();

    public TestStore()
    {
        Database = new SqliteDatabase(directory.File("ujdb.sqlite"));
        Store = new SqliteCaseStore(Database);
        Database.Migrate();
    }

    public SqliteDatabase Database { get; }

    public SqliteCaseStore Store { get; }

    public string File(string name) => directory.File(name);

    public void Dispose() => directory.Dispose();
}
