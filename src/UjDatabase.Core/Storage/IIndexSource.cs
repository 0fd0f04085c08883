using UjDatabase.Core.Cases;

namespace UjDatabase.Core.Storage;

/// <summary>A pending change in the outbox.</summary>
public sealed record OutboxItem(long Seq, string CaseId, string Operation, long Version);

/// <summary>A record with the store version it was read at.</summary>
public sealed record VersionedRecord(CaseRecord Record, long Version);

/// <summary>
/// How far the index is behind the store: the changes still waiting in the outbox, when the oldest was made, and the
/// changes the index refused and that were set aside.
/// </summary>
public sealed record OutboxLag(long Pending, DateTimeOffset? OldestPending, long DeadLetters = 0);

/// <summary>A change the index refused (a document it cannot take), set aside with the error so that the others go on.</summary>
public sealed record DeadLetter(string CaseId, long Version, string Error, DateTimeOffset FailedAt);

/// <summary>What a separate search index (Elasticsearch) reads from the store to keep in step: the outbox and versioned records.</summary>
public interface IIndexSource
{
    /// <summary>The oldest pending outbox rows, in order.</summary>
    Task<IReadOnlyList<OutboxItem>> ReadPendingAsync(int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// The outbox rows after <paramref name="seq"/>, in order, processed or not: for an index that records the last
    /// position it applied (the embedded index does, in its commits).
    /// </summary>
    Task<IReadOnlyList<OutboxItem>> ReadAfterAsync(long seq, int max, CancellationToken cancellationToken = default);

    /// <summary>The last outbox sequence number written (0 when none).</summary>
    Task<long> LastSeqAsync(CancellationToken cancellationToken = default);

    /// <summary>The changes not yet applied to the index, for health checks and metrics.</summary>
    Task<OutboxLag> LagAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Keeps changes the index refused, one per record (the latest wins). Marking a later change of the record
    /// processed clears its dead letter: the index has taken (or refused anew) its newer version.
    /// </summary>
    Task SetAsideAsync(IReadOnlyList<DeadLetter> letters, CancellationToken cancellationToken = default);

    /// <summary>Every change set aside, by record id.</summary>
    Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(CancellationToken cancellationToken = default);

    /// <summary>Puts every change set aside back into the outbox (as the record is now) and clears them; returns how many.</summary>
    Task<int> RetryDeadAsync(CancellationToken cancellationToken = default);

    Task MarkProcessedAsync(IReadOnlyList<long> seqs, CancellationToken cancellationToken = default);

    /// <summary>The records with these ids as they are now, with their versions; ids no longer in the store are absent.</summary>
    Task<IReadOnlyList<VersionedRecord>> GetVersionedAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes or renews the lease that lets one process drain the outbox into a shared index: true when
    /// <paramref name="holder"/> holds it for the next <paramref name="duration"/>. Several web nodes may run; only the
    /// holder syncs, and a lease that is not renewed lapses so that another node takes over.
    /// </summary>
    Task<bool> TryTakeLeaseAsync(string holder, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes the lease whoever holds it (a reindex: the syncing node pauses, its changes wait in the outbox and the
    /// reindex replays them), for <paramref name="duration"/>; taking it again renews it.
    /// </summary>
    Task TakeOverLeaseAsync(string holder, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>Lets the lease go at once, if <paramref name="holder"/> still holds it, so that a syncing node takes it back without waiting for it to lapse.</summary>
    Task ReleaseLeaseAsync(string holder, CancellationToken cancellationToken = default);

    /// <summary>Every record with its version, ordered by id.</summary>
    IAsyncEnumerable<VersionedRecord> StreamVersionedAsync(CancellationToken cancellationToken = default);
}

/// <summary>What every store builds on its versioned reads.</summary>
public static class IndexSourceExtensions
{
    /// <summary>The records with these ids, in the order of <paramref name="ids"/>; unknown ids are skipped.</summary>
    public static async Task<IReadOnlyList<CaseRecord>> GetInOrderAsync(this IIndexSource source, IReadOnlyList<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(ids);
        var byId = (await source.GetVersionedAsync(ids, cancellationToken)).ToDictionary(v => v.Record.Id, v => v.Record, StringComparer.Ordinal);
        return ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
    }
}
