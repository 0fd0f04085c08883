using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using UjDatabase.Core.Search;

namespace UjDatabase.Embedded.Search;

/// <summary>One segment as a query sees it: Lucene's reader context, its in-memory columns, and which documents are live.</summary>
internal sealed record SegmentView(AtomicReaderContext Context, SegmentColumns Columns, ulong[] Live)
{
    public int DocBase => Context.DocBase;

    public AtomicReader Reader => Context.AtomicReader;
}

/// <summary>A searcher that carries the columns of the segments it reads, so a query sees one consistent point in time.</summary>
internal sealed class ColumnSearcher : IndexSearcher
{
    public ColumnSearcher(IndexReader reader, IReadOnlyList<SegmentView> segments)
        : base(reader)
    {
        Segments = segments;
        Similarity = new BM25Similarity();
    }

    public IReadOnlyList<SegmentView> Segments { get; }
}

/// <summary>
/// The embedded index on disk beside the store (a Lucene directory) and the searchers over it. One process at a time
/// holds the writer (Lucene's write lock): the web app's sync worker while it runs, else <c>ujdb</c>; any other process
/// reads the last commit. Each commit records the outbox position it has applied, so the index catches up from there
/// after a restart. Searchers are near-real-time views of the writer, each with the in-memory columns of its segments;
/// a segment's columns are loaded once and kept while the segment lives.
/// </summary>
internal sealed class LuceneIndex : IDisposable
{
    /// <summary>The commit data key holding the last outbox sequence number applied.</summary>
    public const string AppliedKey = "outbox_seq";

    /// <summary>The commit data key holding the layout of the documents (<see cref="IndexSchema.Layout"/>) the index was built with.</summary>
    public const string LayoutKey = "layout";

    private readonly System.Threading.Lock guard = new();
    private readonly Dictionary<object, SegmentColumns> columns = [];
    private readonly FSDirectory directory;
    private IndexWriter? writer;
    private SearcherManager? manager;
    private FileStream? processLock;

    public LuceneIndex(string path)
    {
        Path = path;
        System.IO.Directory.CreateDirectory(path);
        directory = FSDirectory.Open(path);
    }

    public string Path { get; }

    public Dictionaries Dictionaries { get; } = new();

    public bool HasWriter
    {
        get
        {
            lock (guard)
            {
                return writer is not null;
            }
        }
    }

    /// <summary>Whether a committed index is on disk.</summary>
    public bool Exists => DirectoryReader.IndexExists(directory);

    /// <summary>Takes the writer (and Lucene's write lock); false when another process holds it.</summary>
    public bool TryTakeWriter()
    {
        lock (guard)
        {
            if (writer is not null)
            {
                return true;
            }

            if (!TryTakeProcessLock())
            {
                return false;
            }

            try
            {
                Open(OpenMode.CREATE_OR_APPEND);
                if (!writer!.CommitData.TryGetValue(LayoutKey, out var layout) || layout != IndexSchema.Layout)
                {
                    // Built by a version with other fields (a new facet): its documents cannot answer this version's
                    // filters, so it is started afresh and rebuilt from the store like a damaged one.
                    StartAfresh($"the index was built with another layout ({layout ?? "none"}, now {IndexSchema.Layout})");
                }
            }
            catch (LockObtainFailedException)
            {
                ReleaseProcessLock();
                return false;
            }
            catch (Exception ex) when (IsDamage(ex))
            {
                // The index is a projection of the store: a damaged one is started afresh (its commit records
                // position 0), and the indexer rebuilds it from the store.
                StartAfresh($"{ex.GetType().Name}: {ex.Message}");
            }

            return true;
        }
    }

    private void StartAfresh(string reason)
    {
        Damage = reason;
        writer?.Rollback();
        writer = null;
        foreach (var file in directory.ListAll().Where(f => f != IndexWriter.WRITE_LOCK_NAME))
        {
            directory.DeleteFile(file);
        }

        Open(OpenMode.CREATE);
    }

    /// <summary>The file beside the index whose exclusive lock marks the process that holds the writer.</summary>
    public string ProcessLockPath => Path.TrimEnd(System.IO.Path.DirectorySeparatorChar) + ".lock";

    /// <summary>
    /// Lucene.NET's own write lock is a shared lock between processes on Linux (.NET opens it as a shared flock), so a
    /// second process could open a writer beside ours. An exclusive lock on a file beside the index, held as long as
    /// the writer, keeps every other process out; the file is outside the index, so rebuilding the index keeps it.
    /// </summary>
    private bool TryTakeProcessLock()
    {
        if (processLock is not null)
        {
            return true;
        }

        try
        {
            processLock = new FileStream(ProcessLockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private void ReleaseProcessLock()
    {
        processLock?.Dispose();
        processLock = null;
    }

    /// <summary>What was wrong with the index found on disk when this process started it afresh; null when nothing was.</summary>
    public string? Damage { get; private set; }

    private void Open(OpenMode mode)
    {
        var config = new IndexWriterConfig(IndexSchema.Version, IndexSchema.Analyzer)
        {
            OpenMode = mode,
            Similarity = new BM25Similarity(),
            RAMBufferSizeMB = 64,
        };
        writer = new IndexWriter(directory, config);
        if (mode == OpenMode.CREATE || !Exists)
        {
            // A new (or restarted) index: commit it empty so that readers can open it.
            writer.SetCommitData(new Dictionary<string, string> { [AppliedKey] = "0", [LayoutKey] = IndexSchema.Layout });
            writer.Commit();
        }

        // Opening the searcher reads every segment, so damage inside one shows here rather than in a search.
        ReplaceManager(new SearcherManager(writer, applyAllDeletes: true, new Factory(this)));
    }

    private static bool IsDamage(Exception ex) =>
        ex is CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException or EndOfStreamException or FileNotFoundException
        || (ex is IOException && ex is not LockObtainFailedException);

    /// <summary>The outbox sequence number the last commit applied (0 for an empty or missing index).</summary>
    public long AppliedSeq
    {
        get
        {
            lock (guard)
            {
                IDictionary<string, string>? data = writer?.CommitData;
                if (data is null && Exists)
                {
                    data = DirectoryReader.ListCommits(directory)[^1].UserData;
                }

                return data is not null && data.TryGetValue(AppliedKey, out var text) ? long.Parse(text, CultureInfo.InvariantCulture) : 0;
            }
        }
    }

    /// <summary>The writer; only the holder of the write lock calls this.</summary>
    public IndexWriter Writer
    {
        get
        {
            lock (guard)
            {
                return writer ?? throw new InvalidOperationException("This process does not hold the index writer.");
            }
        }
    }

    /// <summary>Makes the written changes durable, recording the outbox position they bring the index to, and shows them to searches.</summary>
    public void Commit(long appliedSeq)
    {
        var current = Writer;
        current.SetCommitData(new Dictionary<string, string> { [AppliedKey] = appliedSeq.ToString(CultureInfo.InvariantCulture), [LayoutKey] = IndexSchema.Layout });
        current.Commit();
        Refresh();
    }

    /// <summary>Shows the latest changes (written by this process, or committed by another) to new searches.</summary>
    public void Refresh()
    {
        SearcherManager? current;
        lock (guard)
        {
            current = manager;
            if (current is null && Exists)
            {
                ReplaceManager(new SearcherManager(directory, new Factory(this)));
                return;
            }
        }

        current?.MaybeRefreshBlocking();
    }

    /// <summary>A searcher over the latest view; give it back with <see cref="Release"/>. Null while no index exists.</summary>
    public ColumnSearcher? Acquire()
    {
        SearcherManager? current;
        lock (guard)
        {
            if (manager is null && Exists)
            {
                ReplaceManager(new SearcherManager(directory, new Factory(this)));
            }

            current = manager;
        }

        try
        {
            return (ColumnSearcher?)current?.Acquire();
        }
        catch (ObjectDisposedException)
        {
            // The manager was replaced (the writer was just taken) between the lock and the call: take the new one.
            return Acquire();
        }
    }

    public static void Release(ColumnSearcher searcher)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        // A searcher from an earlier manager is released by decreasing its reader's count directly.
        searcher.IndexReader.DecRef();
    }

    /// <summary>Drops every change since the last commit and gives up the writer (and its lock); the next write takes it again.</summary>
    public void Rollback()
    {
        lock (guard)
        {
            manager?.Dispose();
            manager = null;
            writer?.Rollback();
            writer = null;
            ReleaseProcessLock();
        }
    }

    private void ReplaceManager(SearcherManager next)
    {
        var previous = manager;
        manager = next;
        previous?.Dispose();
    }

    private List<SegmentView> Segments(IndexReader reader)
    {
        var leaves = reader.Leaves;
        var views = new List<SegmentView>(leaves.Count);
        lock (columns)
        {
            var alive = new HashSet<object>();
            foreach (var leaf in leaves)
            {
                var key = leaf.AtomicReader.CoreCacheKey;
                alive.Add(key);
                if (!columns.TryGetValue(key, out var segment))
                {
                    columns[key] = segment = SegmentColumns.Load(leaf.AtomicReader, Dictionaries);
                }

                views.Add(new SegmentView(leaf, segment, LiveDocs(leaf.AtomicReader)));
            }

            foreach (var gone in columns.Keys.Where(k => !alive.Contains(k)).ToList())
            {
                columns.Remove(gone);
            }
        }

        return views;
    }

    private static ulong[] LiveDocs(AtomicReader reader)
    {
        var live = reader.LiveDocs;
        if (live is null)
        {
            return Bits.All(reader.MaxDoc);
        }

        var bits = Bits.New(reader.MaxDoc);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (live.Get(doc))
            {
                Bits.Set(bits, doc);
            }
        }

        return bits;
    }

    public void Dispose()
    {
        lock (guard)
        {
            manager?.Dispose();
            manager = null;
            writer?.Dispose();
            writer = null;
            ReleaseProcessLock();
            directory.Dispose();
        }
    }

    /// <summary>Gives every new searcher the columns of its segments.</summary>
    private sealed class Factory(LuceneIndex index) : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new ColumnSearcher(reader, index.Segments(reader));
    }
}
