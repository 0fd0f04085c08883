using UjDatabase.Core.Storage;
using UjDatabase.Embedded;
using UjDatabase.Tests;

namespace UjDatabase.Embedded.Tests;

/// <summary>A migrated SQLite store in a fresh temp directory, the data directory of an embedded profile.</summary>
internal sealed class TestStore : IDisposable
{
    private readonly TempDirectory directory = new();

    public TestStore()
    {
        Settings = new StorageSettings(StorageProfile.Embedded, directory.Path);
        Database = new SqliteDatabase(Settings.EmbeddedDatabasePath);
        Store = new SqliteCaseStore(Database);
        Database.Migrate();
    }

    public StorageSettings Settings { get; }

    public SqliteDatabase Database { get; }

    public SqliteCaseStore Store { get; }

    public string IndexPath => Settings.EmbeddedIndexPath;

    public string File(string name) => directory.File(name);

    /// <summary>A profile over this data directory, as another process (the app, <c>ujdb</c>) would open it; dispose it to release the index.</summary>
    public EmbeddedProfile OpenProfile() => EmbeddedProfile.Create(Settings);

    public void Dispose() => directory.Dispose();
}
