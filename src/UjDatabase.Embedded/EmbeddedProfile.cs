using UjDatabase.Core.Storage;
using UjDatabase.Embedded.Search;

namespace UjDatabase.Embedded;

/// <summary>
/// The embedded profile's parts, all in one data directory: the SQLite store (<c>ujdb.sqlite</c>) and, beside it, the
/// Lucene index (<c>index/</c>) that the engine searches and the indexer keeps in step.
/// </summary>
public sealed record EmbeddedProfile(SqliteDatabase Database, SqliteCaseStore Store, LuceneSearchEngine Engine, LuceneIndexer Indexer)
{
    public static EmbeddedProfile Create(StorageSettings settings, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var database = new SqliteDatabase(settings.EmbeddedDatabasePath);
        var store = new SqliteCaseStore(database);
        var host = new LuceneIndexHost(settings.EmbeddedIndexPath);
        return new EmbeddedProfile(database, store, new LuceneSearchEngine(host, store, clock), new LuceneIndexer(host, store));
    }

    /// <summary>The parts; disposing them releases the index's write lock.</summary>
    public StorageParts Parts => new(Store, Store, Store, Store, Engine, Indexer, new Accounts.SqliteAccountStore(Database)) { Owned = [Indexer] };
}
