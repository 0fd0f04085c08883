using UjDatabase.Core.Search;

namespace UjDatabase.Core.Storage;

/// <summary>
/// The parts a profile provides: the store of record (also the source the index reads: its outbox and versioned
/// records), the search engine, and the indexer that keeps them in step.
/// </summary>
public sealed record StorageParts(ICaseStore Store, IIndexSource Source, ISearchEngine Engine, ISearchIndexer Indexer);
