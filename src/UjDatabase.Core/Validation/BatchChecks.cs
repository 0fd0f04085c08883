using UjDatabase.Core.Cases;

namespace UjDatabase.Core.Validation;

/// <summary>A problem found by the batch checks, with the file (or other source) of the record it is about.</summary>
public sealed record SourcedProblem(string Source, ValidationProblem Problem);

/// <summary>
/// The rules that span records in one batch: ids are unique, and every related id names a record in the batch or
/// already in the store. Feed it records one at a time, so that a file of a million records is never held whole.
/// </summary>
public sealed class BatchChecks
{
    private readonly Dictionary<string, (string Source, int? Line)> firstSeen = new(StringComparer.Ordinal);
    private readonly List<(string Source, string From, int? Line, int Index, string To)> references = [];
    private readonly Dictionary<(string Group, string Name), string> defendants = [];

    public List<ValidationProblem> Add(CaseRecord record, int? line, string source)
    {
        ArgumentNullException.ThrowIfNull(record);
        var problems = new List<ValidationProblem>();
        if (firstSeen.TryGetValue(record.Id, out var first))
        {
            var where = first.Line is null ? "earlier" : $"at line {first.Line}";
            var file = first.Source == source ? string.Empty : $" of {first.Source}";
            problems.Add(new(record.Id, line, "id", record.Id, $"is used twice (first {where}{file})"));
        }
        else
        {
            firstSeen.Add(record.Id, (source, line));
        }

        // One proceeding, one record per defendant: the same person twice would be counted twice.
        if (record.CaseGroup is { } group && record.Accused.Name is { } name)
        {
            var key = (group, Search.QueryText.Fold(name));
            if (defendants.TryGetValue(key, out var other) && other != record.Id)
            {
                problems.Add(new(record.Id, line, "accused.name", name, $"is already the accused of record '{other}' in case group '{group}'"));
            }
            else
            {
                defendants[key] = record.Id;
            }
        }

        for (var i = 0; i < record.Related.Count; i++)
        {
            references.Add((source, record.Id, line, i, record.Related[i]));
        }

        return problems;
    }

    /// <summary>Ids referenced by <c>related</c> that are not in the batch: the caller asks the store about these.</summary>
    public IReadOnlyCollection<string> UnresolvedReferences() =>
        references.Select(r => r.To).Where(to => !firstSeen.ContainsKey(to)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>A problem for every reference to an id that is neither in the batch nor among <paramref name="existingIds"/>.</summary>
    public List<SourcedProblem> DanglingReferences(IReadOnlySet<string> existingIds)
    {
        ArgumentNullException.ThrowIfNull(existingIds);
        return references
            .Where(r => !firstSeen.ContainsKey(r.To) && !existingIds.Contains(r.To))
            .Select(r => new SourcedProblem(r.Source, new ValidationProblem(r.From, r.Line, $"related[{r.Index}]", r.To, "names no record in the import or in the store")))
            .ToList();
    }
}
