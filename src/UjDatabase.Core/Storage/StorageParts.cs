using UjDatabase.Core.Search;

namespace UjDatabase.Core.Storage;

/// <summary>The parts a profile provides: the store of record, the search engine, and the indexer that keeps them in step.</summary>
public sealed record StorageParts(ICaseStore Store, ISearchEngine Engine, ISearchIndexer Indexer);
