using UjDatabase.Core.Accounts;
using UjDatabase.Core.Editing;
using UjDatabase.Core.Search;

namespace UjDatabase.Core.Storage;

/// <summary>
/// The parts a profile provides: the store of record (also the source the index reads: its outbox and versioned
/// records; its conditional writes, history and drafts for editors), the search engine, the indexer that keeps them in step,
/// and the editors' accounts.
/// </summary>
public sealed record StorageParts(ICaseStore Store, IIndexSource Source, IRecordEditor Editor, IDraftStore Drafts, ISearchEngine Engine, ISearchIndexer Indexer, IAccountStore Accounts) : IDisposable
{
    /// <summary>What the parts hold that must be let go (the embedded index's write lock, connections).</summary>
    public IReadOnlyList<IDisposable> Owned { get; init; } = [];

    public void Dispose()
    {
        foreach (var owned in Owned)
        {
            owned.Dispose();
        }
    }
}
