using UjDatabase.Core.Storage;
using UjDatabase.Embedded.Search;

namespace UjDatabase.Embedded;

/// <summary>The embedded profile's parts, all over one SQLite file: the store, the search engine and the indexer.</summary>
public sealed record EmbeddedProfile(SqliteDatabase Database, SqliteCaseStore Store, SqliteSearchEngine Engine, SqliteSearchIndexer Indexer)
{
    public static EmbeddedProfile Create(StorageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var database = new SqliteDatabase(settings.EmbeddedDatabasePath);
        var store = new SqliteCaseStore(database);
        return new EmbeddedProfile(database, store, new SqliteSearchEngine(database, store), new SqliteSearchIndexer(database));
    }

    public StorageParts Parts => new(Store, Store, Engine, Indexer);
}
