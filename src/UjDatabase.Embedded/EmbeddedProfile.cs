using UjDatabase.Core.Storage;
using UjDatabase.Embedded.Search;

namespace UjDatabase.Embedded;

/// <summary>The embedded profile's parts, all over one SQLite file: the store, the search engine and the indexer.</summary>
public sealed record EmbeddedProfile(SqliteDatabase Database, SqliteCaseStore Store, SqliteSearchEngine Engine, SqliteSearchIndexer Indexer)
{
    public static EmbeddedProfile Create(StorageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Profile != StorageProfile.Embedded)
        {
            // The server profile (SQL Server + Elasticsearch) is built in its own issue; until then say so plainly.
            throw new NotSupportedException($"{StorageSettings.ProfileVariable}={settings.Profile}: the server profile is not available in this build; use Embedded.");
        }

        var database = new SqliteDatabase(settings.EmbeddedDatabasePath);
        var store = new SqliteCaseStore(database);
        return new EmbeddedProfile(database, store, new SqliteSearchEngine(database, store), new SqliteSearchIndexer(database));
    }

    /// <summary>Just the store, for commands that need nothing else.</summary>
    public static SqliteCaseStore CreateStore(StorageSettings settings) => Create(settings).Store;
}
