using UjDatabase.Core.Cases;
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
            foreach (var item in CaseFileReader.ReadFile(file))
            {
                cancellationToken.ThrowIfCancellationRequested();
                records++;
                if (item.Json is not { } json)
                {
                    problems.Add(new ValidationProblem(null, item.Line, string.Empty, null, item.Error!));
                    continue;
                }

                var decoded = CaseDecoder.Decode(json, item.Line);
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

    /// <summary>Validates, then writes every record of every file in one transaction, or nothing when anything is wrong.</summary>
    public async Task<ImportResult> ImportAsync(IReadOnlyList<string> files, CancellationToken cancellationToken = default)
    {
        var validation = await ValidateAsync(files, cancellationToken);
        if (!validation.Accepted)
        {
            return validation;
        }

        var written = await store.UpsertAsync(ReadValidRecords(files), cancellationToken);
        return validation with { Written = written };
    }

    private static IEnumerable<CaseRecord> ReadValidRecords(IReadOnlyList<string> files)
    {
        foreach (var file in files)
        {
            foreach (var item in CaseFileReader.ReadFile(file))
            {
                var decoded = item.Json is { } json ? CaseDecoder.Decode(json, item.Line) : null;
                // The file was valid a moment ago; if it changed since, stop, and the store rolls the transaction back.
                yield return decoded?.Record ?? throw new InvalidOperationException($"{file} changed during the import (line {item.Line}).");
            }
        }
    }
}
