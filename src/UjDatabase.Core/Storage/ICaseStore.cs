using UjDatabase.Core.Cases;

namespace UjDatabase.Core.Storage;

/// <summary>
/// The store of record (SQLite in the embedded profile, SQL Server in the server profile). Every write also writes
/// an outbox row in the same transaction, which the index sync drains.
/// </summary>
public interface ICaseStore
{
    /// <summary>Creates or upgrades the schema; safe to call any number of times.</summary>
    Task MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Inserts or replaces every record in one transaction: all are written, or none. Records are pulled one at a
    /// time. With a <paramref name="revision"/>, every record that is new or differs from the stored one gets a
    /// revision (the whole record before and after) in the same transaction; an unchanged record gets none.
    /// </summary>
    Task<int> UpsertAsync(IEnumerable<CaseRecord> records, RevisionStamp? revision = null, CancellationToken cancellationToken = default);

    Task<CaseRecord?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The records with these ids, in the order of <paramref name="ids"/>; unknown ids are skipped.</summary>
    Task<IReadOnlyList<CaseRecord>> GetManyAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken = default);

    /// <summary>The records of one proceeding (same <c>case_group</c>), ordered by id.</summary>
    Task<IReadOnlyList<CaseRecord>> GetGroupAsync(string caseGroup, CancellationToken cancellationToken = default);

    /// <summary>Every record, ordered by id, read in pages so that memory stays bounded.</summary>
    IAsyncEnumerable<CaseRecord> StreamAllAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes a record and reports whether it existed.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default);

    Task<long> CountAsync(CancellationToken cancellationToken = default);

    /// <summary>Which of the given ids are in the store.</summary>
    Task<IReadOnlySet<string>> FindExistingIdsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default);
}
