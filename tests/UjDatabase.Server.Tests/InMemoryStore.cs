using System.Runtime.CompilerServices;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Storage;

namespace UjDatabase.Server.Tests;

/// <summary>A store in memory, for adapter tests that need records to hand out and nothing more.</summary>
internal sealed class InMemoryStore(params CaseRecord[] records) : ICaseStore
{
    private readonly Dictionary<string, CaseRecord> byId = records.ToDictionary(r => r.Id, StringComparer.Ordinal);

    public Task MigrateAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<int> UpsertAsync(IEnumerable<CaseRecord> records, RevisionStamp? revision = null, CancellationToken cancellationToken = default)
    {
        var count = 0;
        foreach (var record in records)
        {
            byId[record.Id] = record;
            count++;
        }

        return Task.FromResult(count);
    }

    public Task<CaseRecord?> GetAsync(string id, CancellationToken cancellationToken = default) => Task.FromResult(byId.GetValueOrDefault(id));

    public Task<IReadOnlyList<CaseRecord>> GetManyAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<CaseRecord>>(ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList());

    public Task<IReadOnlyList<CaseRecord>> GetGroupAsync(string caseGroup, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<CaseRecord>>(byId.Values.Where(r => r.CaseGroup == caseGroup).OrderBy(r => r.Id, StringComparer.Ordinal).ToList());

    public async IAsyncEnumerable<CaseRecord> StreamAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var record in byId.Values.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            await Task.Yield();
            yield return record;
        }
    }

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default) => Task.FromResult(byId.Remove(id));

    public Task<long> CountAsync(CancellationToken cancellationToken = default) => Task.FromResult((long)byId.Count);

    public Task<IReadOnlySet<string>> FindExistingIdsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlySet<string>>(ids.Where(byId.ContainsKey).ToHashSet(StringComparer.Ordinal));
}
