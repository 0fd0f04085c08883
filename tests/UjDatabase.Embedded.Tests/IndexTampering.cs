using Lucene.Net.Analysis.Core;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace UjDatabase.Embedded.Tests;

/// <summary>Damages a closed embedded index from outside, as a broken sync or a bad disk might.</summary>
internal static class IndexTampering
{
    /// <summary>Sets the version the index holds for a record (no process may hold the index).</summary>
    public static void SetVersion(string indexPath, string id, long version)
    {
        using var directory = FSDirectory.Open(indexPath);
        using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new KeywordAnalyzer()));
        writer.UpdateNumericDocValue(new Term("id", id), "version", version);
        writer.Commit();
    }

    /// <summary>Overwrites the middle of every segment file with zeros.</summary>
    public static void CorruptSegments(string indexPath)
    {
        foreach (var file in System.IO.Directory.GetFiles(indexPath).Where(f => !Path.GetFileName(f).StartsWith("segments", StringComparison.Ordinal) && !f.EndsWith(".lock", StringComparison.Ordinal)))
        {
            var bytes = File.ReadAllBytes(file);
            Array.Clear(bytes, bytes.Length / 3, Math.Max(1, bytes.Length / 3));
            File.WriteAllBytes(file, bytes);
        }
    }
}
