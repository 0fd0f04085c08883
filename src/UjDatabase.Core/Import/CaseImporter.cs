using System.Security.Cryptography;
using System.Text;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Editing;
using UjDatabase.Core.Interchange;
using UjDatabase.Core.Storage;
using UjDatabase.Core.Validation;

namespace UjDatabase.Core.Import;

/// <summary>What an import or a validation run found.</summary>
public sealed record ImportReport(string File, long Records, IReadOnlyList<ValidationProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>The outcome of importing a set of files: written in full, or rejected with every problem.</summary>
public sealed record ImportResult(IReadOnlyList<ImportReport> Files, int Written)
{
    public bool Accepted => Files.All(f => f.IsValid);

    public IEnumerable<(string File, ValidationProblem Problem)> Problems =>
        Files.SelectMany(f => f.Problems.Select(p => (f.File, p)));
}

/// <summary>
/// Imports interchange files all or nothing. A first pass streams every file through the validator and the batch
/// checks; only when nothing is wrong does a second pass stream them again into one store transaction. A rejected
/// import therefore never opens a write transaction, and memory holds the ids, not the records.
/// </summary>
public sealed class CaseImporter(ICaseStore store)
{
    private const int DecodeChunk = 1000;

    /// <summary>Validates files without writing. Related ids may point at records already in the store.</summary>
    public async Task<ImportResult> ValidateAsync(IReadOnlyList<string> files, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var batch = new BatchChecks();
        var reports = new List<(string File, long Records, List<ValidationProblem> Problems)>();
        foreach (var file in files)
        {
            var problems = new List<ValidationProblem>();
            long records = 0;
            // Records decode and validate on every core as the reader parses them; the batch checks see them in file order.
            foreach (var (item, decoded) in CaseFileReader.ReadFile(file, item => (item, Decoded: CaseDecoder.Decode(item))))
            {
                cancellationToken.ThrowIfCancellationRequested();
                records++;
                if (decoded is null)
                {
                    problems.Add(new ValidationProblem(null, item.Line, string.Empty, null, item.Error!));
                    continue;
                }

                problems.AddRange(decoded.Problems);
                if (decoded.Parsed is not null)
                {
                    problems.AddRange(batch.Add(decoded.Parsed, item.Line, file));
                }
            }

            reports.Add((file, records, problems));
        }

        var existing = await store.FindExistingIdsAsync(batch.UnresolvedReferences(), cancellationToken);
        foreach (var dangling in batch.DanglingReferences(existing))
        {
            reports.First(r => r.File == dangling.Source).Problems.Add(dangling.Problem);
        }

        return new ImportResult(reports.Select(r => new ImportReport(r.File, r.Records, r.Problems)).ToList(), 0);
    }

    /// <summary>
    /// Validates, then writes every record of every file in one transaction, or nothing when anything is wrong. With a
    /// <paramref name="revision"/>, each new or changed record's history keeps the change.
    /// </summary>
    public async Task<ImportResult> ImportAsync(IReadOnlyList<string> files, RevisionStamp? revision = null, CancellationToken cancellationToken = default)
    {
        var stamps = files.Select(Stamp).ToList();
        var validation = await ValidateAsync(files, cancellationToken);
        if (!validation.Accepted)
        {
            return validation;
        }

        // Decoding runs ahead on one core while the store writes on the other.
        var written = await store.UpsertAsync(Prefetch.Ahead(ReadValidRecords(files, stamps), DecodeChunk), revision, cancellationToken);
        return validation with { Written = written };
    }

    /// <summary>
    /// Validates files and, when they are valid, compares each record with the one stored under its id, writing
    /// nothing. Records are read back from the store a chunk at a time, so memory holds the changes, not the records.
    /// </summary>
    public async Task<ImportPreview> PreviewAsync(IReadOnlyList<string> files, CancellationToken cancellationToken = default)
    {
        var stamps = files.Select(Stamp).ToList();
        var validation = await ValidateAsync(files, cancellationToken);
        var changes = new List<RecordChange>();
        using var fingerprint = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        fingerprint.AppendData(Encoding.UTF8.GetBytes(validation.Accepted ? "valid\n" : "invalid\n"));
        if (validation.Accepted)
        {
            foreach (var chunk in ReadValidRecords(files, stamps).Chunk(DecodeChunk))
            {
                var stored = (await store.GetManyAsync(chunk.Select(r => r.Id).ToList(), cancellationToken)).ToDictionary(r => r.Id, StringComparer.Ordinal);
                foreach (var record in chunk)
                {
                    var after = CaseJson.Serialize(record);
                    var before = stored.TryGetValue(record.Id, out var old) ? CaseJson.Serialize(old) : null;
                    var change = before is null ? new RecordChange(record.Id, RecordChangeKind.New, [], record.IsPublished)
                        : before == after ? new RecordChange(record.Id, RecordChangeKind.Unchanged, [], record.IsPublished)
                        : new RecordChange(record.Id, RecordChangeKind.Changed, FieldChanges.Between(before, after).Select(c => c.Field).ToList(), record.IsPublished);
                    changes.Add(change);
                    fingerprint.AppendData(Encoding.UTF8.GetBytes($"{record.Id}\n{change.Kind}\n{before}\n{after}\n"));
                }
            }
        }

        foreach (var (file, problem) in validation.Problems)
        {
            fingerprint.AppendData(Encoding.UTF8.GetBytes($"{file}: {problem}\n"));
        }

        return new ImportPreview(validation, changes, Convert.ToHexStringLower(fingerprint.GetHashAndReset()));
    }

    /// <summary>
    /// The records of files that were valid a moment ago, read without validating them again. A file that changed
    /// since (its size or time differs) stops the import, and the store rolls the transaction back.
    /// </summary>
    private static IEnumerable<CaseRecord> ReadValidRecords(IReadOnlyList<string> files, List<(long Length, DateTime Written)> stamps)
    {
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            CheckUnchanged(file, stamps[i]);
            foreach (var record in CaseFileReader.ReadFile(file, item => item.Utf8 is { } utf8 ? CaseJson.Deserialize(utf8.Span) : item.Json is { } json ? CaseJson.Deserialize(json) : null, parallel: false))
            {
                yield return record ?? throw new InvalidOperationException($"{file} changed during the import; nothing was written.");
            }

            CheckUnchanged(file, stamps[i]);
        }
    }

    private static (long Length, DateTime Written) Stamp(string file)
    {
        var info = new FileInfo(file);
        return (info.Length, info.LastWriteTimeUtc);
    }

    private static void CheckUnchanged(string file, (long, DateTime) stamp)
    {
        if (Stamp(file) != stamp)
        {
            throw new InvalidOperationException($"{file} changed during the import; nothing was written.");
        }
    }
}
