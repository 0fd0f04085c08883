using System.Threading.Channels;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using UjDatabase.Core.Search;
using UjDatabase.Core.Storage;

namespace UjDatabase.Embedded.Search;

/// <summary>The embedded index as the engine and the indexer share it; disposing it releases the write lock.</summary>
internal sealed class LuceneIndexHost(string path) : IDisposable
{
    public LuceneIndex Index { get; } = new(path);

    /// <summary>A searcher over the latest view, or the index being unavailable while it is first built.</summary>
    public ColumnSearcher Acquire() =>
        Index.Acquire() ?? throw new SearchUnavailableException("The search index is being built from the store; search will be back in a moment.")
        {
            RetryAfter = TimeSpan.FromSeconds(5),
        };

    public void Dispose() => Index.Dispose();
}

/// <summary>
/// Keeps the embedded index in step with the store. The sync applies the outbox from the position the index's last
/// commit recorded, taking each changed record as the store holds it now, and commits the new position with the
/// changes, so a crash loses nothing: the next sync starts where the last commit ended. Only the process holding the
/// index's write lock writes; another process leaves the index to it.
/// </summary>
public sealed class LuceneIndexer : ISearchIndexer, IDisposable
{
    private const int RebuildBatch = 2000;

    private readonly LuceneIndexHost host;
    private readonly IIndexSource source;

    internal LuceneIndexer(LuceneIndexHost host, IIndexSource source)
    {
        this.host = host;
        this.source = source;
    }

    /// <summary>Whether this process can write the index (no other process holds its lock).</summary>
    public bool CanWrite => host.Index.TryTakeWriter();

    /// <summary>Why this process started the index afresh and rebuilt it (damage, or another version's layout); null when it did not.</summary>
    public string? Damage => host.Index.Damage;

    public async Task EnsureReadyAsync(IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        if (!host.Index.TryTakeWriter())
        {
            // Another process writes the index; read its commits.
            host.Index.Refresh();
            return;
        }

        if (host.Index.AppliedSeq == 0 && await source.LastSeqAsync(cancellationToken) > 0)
        {
            // A new or emptied index beside a store that has records: build it whole rather than replay every change.
            await ReindexAsync(progress, cancellationToken);
        }

        while (await SyncAsync(cancellationToken: cancellationToken) > 0)
        {
        }
    }

    public async Task<int> SyncAsync(int batchSize = 500, CancellationToken cancellationToken = default)
    {
        if (!host.Index.TryTakeWriter())
        {
            host.Index.Refresh();
            return 0;
        }

        var applied = host.Index.AppliedSeq;

        await MarkAppliedAsync(applied, cancellationToken);

        var pending = await source.ReadAfterAsync(applied, batchSize, cancellationToken);
        if (pending.Count == 0)
        {
            return 0;
        }

        var ids = pending.Select(p => p.CaseId).Distinct(StringComparer.Ordinal).ToList();
        var current = (await source.GetVersionedAsync(ids, cancellationToken)).ToDictionary(v => v.Record.Id, StringComparer.Ordinal);
        var writer = host.Index.Writer;
        var refused = new List<DeadLetter>();
        foreach (var id in ids)
        {
            try
            {
                Write(writer, id, current.GetValueOrDefault(id));
            }
            catch (Exception ex) when (IsDocumentFault(ex))
            {
                // One document Lucene cannot take must not hold back every later change: it waits aside for a retry.
                var version = current.TryGetValue(id, out var found) ? found.Version : pending.Where(p => p.CaseId == id).Max(p => p.Version);
                refused.Add(new DeadLetter(id, version, $"{ex.GetType().Name}: {ex.Message}", DateTimeOffset.UtcNow));
            }
        }

        host.Index.Commit(pending[^1].Seq);
        await source.MarkProcessedAsync(pending.Select(p => p.Seq).ToList(), cancellationToken);
        if (refused.Count > 0)
        {
            await source.SetAsideAsync(refused, cancellationToken);
        }

        return pending.Count;
    }

    /// <summary>
    /// A fault of one document (Lucene refuses a term longer than it can hold, or a value it cannot take with an
    /// ArgumentException), not of the index or the disk, which stop the sync and are retried.
    /// </summary>
    private static bool IsDocumentFault(Exception ex) => ex is ArgumentException;

    /// <summary>
    /// Marks the outbox rows the index already holds but the outbox still shows pending: left by a crash between the
    /// commit and the marking, or taken in by a rebuild. Keeps the outbox's pending count true.
    /// </summary>
    private async Task MarkAppliedAsync(long applied, CancellationToken cancellationToken)
    {
        const int Batch = 5000;
        while (true)
        {
            var pending = await source.ReadPendingAsync(Batch, cancellationToken);
            var stale = pending.Where(p => p.Seq <= applied).Select(p => p.Seq).ToList();
            if (stale.Count > 0)
            {
                await source.MarkProcessedAsync(stale, cancellationToken);
            }

            if (stale.Count < Batch)
            {
                return;
            }
        }
    }

    /// <summary>Puts a record in the index as the store holds it, or takes it out when it is gone or not published.</summary>
    private static void Write(IndexWriter writer, string id, VersionedRecord? current)
    {
        var key = new Term(IndexSchema.Id, id);
        if (current is { Record.IsPublished: true })
        {
            writer.UpdateDocument(key, IndexSchema.Build(SearchDocument.From(current.Record), current.Version));
        }
        else
        {
            writer.DeleteDocuments(key);
        }
    }

    public async Task<long> ReindexAsync(IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        if (!host.Index.TryTakeWriter())
        {
            throw new InvalidOperationException($"The search index at {host.Index.Path} is in use by another process (the web app); stop it to rebuild the index, or delete the index folder and restart the app, which rebuilds it.");
        }

        // Changes made while the rebuild reads the store are in the outbox after this position and are applied next.
        var from = await source.LastSeqAsync(cancellationToken);
        var writer = host.Index.Writer;
        writer.DeleteAll();
        long count = 0;
        var refusedInRebuild = new List<DeadLetter>();
        try
        {
            // Reading the store and building documents on one core, adding them to the index on the other.
            var documents = Channel.CreateBounded<(string Id, long Version, Document? Document)>(new BoundedChannelOptions(RebuildBatch) { SingleReader = true, SingleWriter = true });
            var reading = Task.Run(
                async () =>
                {
                    try
                    {
                        await foreach (var versioned in source.StreamVersionedAsync(cancellationToken))
                        {
                            // Null stands for a record read but not published: counted, not indexed.
                            var document = versioned.Record.IsPublished ? IndexSchema.Build(SearchDocument.From(versioned.Record), versioned.Version) : null;
                            await documents.Writer.WriteAsync((versioned.Record.Id, versioned.Version, document), cancellationToken);
                        }

                        documents.Writer.Complete();
                    }
                    catch (Exception ex)
                    {
                        documents.Writer.Complete(ex);
                    }
                },
                cancellationToken);
            await foreach (var (id, version, document) in documents.Reader.ReadAllAsync(cancellationToken))
            {
                // The index was emptied above, so documents are added, not updated: no delete to resolve per document.
                if (document is not null)
                {
                    try
                    {
                        writer.AddDocument(document);
                    }
                    catch (Exception ex) when (IsDocumentFault(ex))
                    {
                        // A rebuild that stopped at one bad record would leave no index at all: it is set aside instead.
                        refusedInRebuild.Add(new DeadLetter(id, version, $"{ex.GetType().Name}: {ex.Message}", DateTimeOffset.UtcNow));
                    }
                }

                if (++count % RebuildBatch == 0)
                {
                    progress?.Report(count);
                }
            }

            await reading;
        }
        catch
        {
            // Nothing of a failed rebuild reaches the index: the last commit stays as it was.
            host.Index.Rollback();
            throw;
        }

        host.Index.Commit(from);
        if (refusedInRebuild.Count > 0)
        {
            await source.SetAsideAsync(refusedInRebuild, cancellationToken);
        }

        progress?.Report(count);
        while (await SyncAsync(cancellationToken: cancellationToken) > 0)
        {
        }

        return count;
    }

    public async Task<IReadOnlyList<IndexDifference>> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var store = new Dictionary<string, (long Version, bool Published)>(StringComparer.Ordinal);
        await foreach (var versioned in source.StreamVersionedAsync(cancellationToken))
        {
            store[versioned.Record.Id] = (versioned.Version, versioned.Record.IsPublished);
        }

        host.Index.Refresh();
        var index = new Dictionary<string, long>(StringComparer.Ordinal);
        var searcher = host.Acquire();
        try
        {
            foreach (var segment in searcher.Segments)
            {
                var versions = segment.Reader.GetNumericDocValues(IndexSchema.DocVersion);
                foreach (var doc in Bits.Documents(segment.Live))
                {
                    var id = SegmentColumns.IdOf(segment.Reader, doc);
                    if (!index.TryAdd(id, versions.Get(doc)))
                    {
                        index[id] = -1;
                    }
                }
            }
        }
        finally
        {
            LuceneIndex.Release(searcher);
        }

        var differences = new List<IndexDifference>();
        foreach (var (id, row) in store.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var indexed = index.TryGetValue(id, out var version);
            if (row.Published && !indexed)
            {
                differences.Add(new(id, $"published in the store (version {row.Version}) but not in the index"));
            }
            else if (!row.Published && indexed)
            {
                differences.Add(new(id, "in the index but not published in the store"));
            }
            else if (indexed && version == -1)
            {
                differences.Add(new(id, "is in the index twice"));
            }
            else if (indexed && version != row.Version)
            {
                differences.Add(new(id, $"the store has version {row.Version}, the index version {version}"));
            }
        }

        differences.AddRange(index.Keys.Where(id => !store.ContainsKey(id)).Order(StringComparer.Ordinal)
            .Select(id => new IndexDifference(id, "in the index but not in the store")));
        return differences;
    }

    public void Dispose() => host.Dispose();
}
