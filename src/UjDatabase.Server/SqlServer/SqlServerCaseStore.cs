using System.Data;
using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Data.SqlClient;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Editing;
using UjDatabase.Core.Interchange;
using UjDatabase.Core.Storage;
using CaseRow = UjDatabase.Server.SqlServer.CaseRowMapping.CaseRow;

namespace UjDatabase.Server.SqlServer;

/// <summary>
/// The server profile's store of record: the normalised tables on SQL Server through Dapper. Writes go in bulk:
/// SqlBulkCopy stages the case rows, one MERGE upserts them, and the list rows are bulk-copied in, all in one
/// transaction with their outbox rows. Versions come from a rowversion column.
/// </summary>
public sealed class SqlServerCaseStore(SqlServerDatabase database) : ICaseStore, IIndexSource, IRecordEditor, IDraftStore
{
    private const int Chunk = 1000;

    public Task MigrateAsync(CancellationToken cancellationToken = default) => database.MigrateAsync(cancellationToken);

    public async Task<int> UpsertAsync(IEnumerable<CaseRecord> records, RevisionStamp? revision = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqlTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var written = await UpsertAsync(connection, transaction, records, cancellationToken, revision);
        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    public async Task<RecordRevision?> SaveAsync(CaseRecord record, long? expectedVersion, CaseRecord? previous, string author, string action, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqlTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var stored = await connection.ExecuteScalarAsync<long?>(SqlServerStatements.RecordVersion, new { id = record.Id }, transaction);
        if (stored != expectedVersion)
        {
            return null;
        }

        await UpsertAsync(connection, transaction, [record], cancellationToken);
        var number = await connection.ExecuteScalarAsync<int>(SqlServerStatements.NextRevision, new { caseId = record.Id }, transaction);
        var previousJson = previous is null ? null : CaseJson.Serialize(previous);
        var recordJson = CaseJson.Serialize(record);
        await connection.ExecuteAsync(SqlServerStatements.AddRevision, new { caseId = record.Id, number, at, author, action, previousJson, recordJson }, transaction);
        await transaction.CommitAsync(cancellationToken);
        return new RecordRevision(record.Id, number, at, author, action, previousJson, recordJson);
    }

    public async Task<long> SaveDraftAsync(string caseId, string author, DateTimeOffset savedAt, DraftContent content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(SqlServerStatements.DraftAdd, new { caseId, author, savedAt, kind = content.KindWord, formJson = content.Json });
    }

    public async Task<IReadOnlyList<Draft>> DraftsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<(long Id, string CaseId, string Author, DateTimeOffset SavedAt, string Kind, string FormJson)>(SqlServerStatements.DraftList))
            .Select(r => new Draft(r.Id, r.CaseId, r.Author, r.SavedAt, DraftContent.Read(r.Kind, r.FormJson))).ToList();
    }

    public async Task<Draft?> DraftAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<(long Id, string CaseId, string Author, DateTimeOffset SavedAt, string Kind, string FormJson)>(SqlServerStatements.DraftFind, new { id }))
            .Select(r => new Draft(r.Id, r.CaseId, r.Author, r.SavedAt, DraftContent.Read(r.Kind, r.FormJson))).SingleOrDefault();
    }

    public async Task<bool> DeleteDraftAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(SqlServerStatements.DraftDelete, new { id }) == 1;
    }

    public async Task<IReadOnlyList<RecordRevision>> HistoryAsync(string caseId, CancellationToken cancellationToken = default)
    {
        var rows = new List<(string CaseId, int Number, DateTimeOffset At, string Author, string Action, string? PreviousJson, string? RecordJson)>();
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            rows.AddRange(await connection.QueryAsync<(string CaseId, int Number, DateTimeOffset At, string Author, string Action, string? PreviousJson, string? RecordJson)>(SqlServerStatements.History, new { caseId }));
        }

        var current = rows.Count > 0 && rows[^1].RecordJson is null && await GetAsync(caseId, cancellationToken) is { } record ? CaseJson.Serialize(record) : null;
        return StoredRevisions.Complete(rows, current);
    }

    /// <summary>Writes records (new versions, list rows, outbox rows, and with a stamp their revisions) in the caller's transaction.</summary>
    private static async Task<int> UpsertAsync(SqlConnection connection, SqlTransaction transaction, IEnumerable<CaseRecord> records, CancellationToken cancellationToken, RevisionStamp? revision = null)
    {
        await connection.ExecuteAsync(SqlServerStatements.StageCases, transaction: transaction);
        if (revision is not null)
        {
            await connection.ExecuteAsync(SqlServerStatements.StageRevisions, transaction: transaction);
        }

        var written = 0;
        foreach (var chunk in ChunksWithoutRepeats(records))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (revision is not null)
            {
                await AddRevisionsAsync(connection, transaction, chunk, revision, cancellationToken);
            }

            await BulkCopyAsync(connection, transaction, "#cases_in", CaseTable(chunk), cancellationToken);
            var pks = (await connection.QueryAsync<(long Pk, string Id)>(SqlServerStatements.MergeCases, transaction: transaction))
                .ToDictionary(r => r.Id, r => r.Pk, StringComparer.Ordinal);
            // Clears the merged records' list rows and queues them in the outbox, before their new list rows go in.
            await connection.ExecuteAsync(SqlServerStatements.ReplaceChildren, transaction: transaction);
            foreach (var (table, rows) in ChildTables(chunk, pks))
            {
                await BulkCopyAsync(connection, transaction, table, rows, cancellationToken);
            }

            await connection.ExecuteAsync("TRUNCATE TABLE #cases_in;", transaction: transaction);
            written += chunk.Length;
        }

        return written;
    }

    /// <summary>
    /// The revisions of a chunk's new and changed records, read before the chunk replaces them and locked until the
    /// transaction ends, so that the before is what the write replaces. An unchanged record gets no revision.
    /// </summary>
    private static async Task AddRevisionsAsync(SqlConnection connection, SqlTransaction transaction, CaseRecord[] chunk, RevisionStamp revision, CancellationToken cancellationToken)
    {
        var ids = chunk.Select(r => r.Id).ToArray();
        var rows = (await connection.QueryAsync<CaseRow>(SqlServerStatements.SelectCases + " WITH (UPDLOCK, HOLDLOCK) WHERE id IN @ids", new { ids }, transaction)).AsList();
        var before = (await ReadAsync(connection, rows, transaction)).ToDictionary(v => v.Record.Id, v => CaseJson.Serialize(v.Record), StringComparer.Ordinal);
        var table = new DataTable();
        table.Columns.Add("case_id", typeof(string));
        table.Columns.Add("previous_json", typeof(string));
        table.Columns.Add("record_json", typeof(string));
        foreach (var record in chunk)
        {
            // A new record is kept once, in cases: its revision keeps no copy (see StoredRevisions).
            var previous = before.GetValueOrDefault(record.Id);
            var after = previous is null ? null : CaseJson.Serialize(record);
            if (previous is null || previous != after)
            {
                table.Rows.Add(record.Id, (object?)previous ?? DBNull.Value, (object?)after ?? DBNull.Value);
            }
        }

        if (table.Rows.Count > 0)
        {
            await BulkCopyAsync(connection, transaction, "#revisions_in", table, cancellationToken);
            await connection.ExecuteAsync(SqlServerStatements.AddRevisions, new { at = revision.At, author = revision.Author, action = revision.Action }, transaction);
        }
    }

    /// <summary>
    /// The records in chunks in which no id comes twice: MERGE refuses to update a row twice in one statement, so a
    /// record given again starts the next chunk, and its later version is written after the earlier.
    /// </summary>
    private static IEnumerable<CaseRecord[]> ChunksWithoutRepeats(IEnumerable<CaseRecord> records)
    {
        var chunk = new List<CaseRecord>(Chunk);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (chunk.Count == Chunk || !ids.Add(record.Id))
            {
                yield return [.. chunk];
                chunk.Clear();
                ids.Clear();
                ids.Add(record.Id);
            }

            chunk.Add(record);
        }

        if (chunk.Count > 0)
        {
            yield return [.. chunk];
        }
    }

    private static async Task BulkCopyAsync(SqlConnection connection, SqlTransaction transaction, string table, DataTable rows, CancellationToken cancellationToken)
    {
        if (rows.Rows.Count == 0)
        {
            return;
        }

        using var copy = new SqlBulkCopy(connection, SqlBulkCopyOptions.CheckConstraints, transaction) { DestinationTableName = table, BatchSize = 5000 };
        foreach (DataColumn column in rows.Columns)
        {
            copy.ColumnMappings.Add(column.ColumnName, column.ColumnName);
        }

        await copy.WriteToServerAsync(rows, cancellationToken);
    }

    private static DataTable CaseTable(IEnumerable<CaseRecord> records)
    {
        var table = new DataTable();
        string[] columns = ["id", "case_group", "title", "accused_name", "accused_published_name", "accused_type", "accused_gender",
            "accused_affiliation", "accused_position", "forum_country", "forum_court", "forum_city", "situation", "crime_from",
            "crime_to", "stage", "verdict", "presence", "sentence_type", "summary", "publication", "updated", "sentence_text"];
        foreach (var column in columns)
        {
            table.Columns.Add(column, typeof(string));
        }

        table.Columns.Add("sentence_years", typeof(double));
        table.Columns.Add("accused_sort_name", typeof(string));
        table.Columns.Add("accused_residence_country", typeof(string));
        table.Columns.Add("victims_civil_parties", typeof(bool));
        table.Columns.Add("victims_civil_parties_count", typeof(int));
        table.Columns.Add("reparation_ordered", typeof(bool));
        table.Columns.Add("reparation_ordered_by", typeof(string));
        table.Columns.Add("reparation_amount", typeof(double));
        table.Columns.Add("reparation_currency", typeof(string));
        table.Columns.Add("reparation_note", typeof(string));
        foreach (var r in records)
        {
            var row = CaseRow.From(r, 0);
            table.Rows.Add(row.Id, row.CaseGroup, row.Title, row.AccusedName, row.AccusedPublishedName, row.AccusedType, row.AccusedGender,
                row.AccusedAffiliation, row.AccusedPosition, row.ForumCountry, row.ForumCourt, row.ForumCity, row.Situation, row.CrimeFrom,
                row.CrimeTo, row.Stage, row.Verdict, row.Presence, row.SentenceType, row.Summary, row.Publication, row.Updated, row.SentenceText,
                (object?)row.SentenceYears ?? DBNull.Value, (object?)row.AccusedSortName ?? DBNull.Value, (object?)row.AccusedResidenceCountry ?? DBNull.Value,
                (object?)row.VictimsCivilParties ?? DBNull.Value, (object?)row.VictimsCivilPartiesCount ?? DBNull.Value,
                (object?)row.ReparationOrdered ?? DBNull.Value, (object?)row.ReparationOrderedBy ?? DBNull.Value,
                (object?)row.ReparationAmount ?? DBNull.Value, (object?)row.ReparationCurrency ?? DBNull.Value,
                (object?)row.ReparationNote ?? DBNull.Value);
        }

        return table;
    }

    /// <summary>The list rows of a chunk as one DataTable per list table, keyed by the pks the merge returned.</summary>
    private static IEnumerable<(string Table, DataTable Rows)> ChildTables(IEnumerable<CaseRecord> records, Dictionary<string, long> pks)
    {
        var tables = CaseRowMapping.ChildTables.ToDictionary(t => t, t =>
        {
            var table = new DataTable();
            foreach (var column in t.Columns)
            {
                table.Columns.Add(column, column == "case_pk" ? typeof(long) : column == "ord" || column == t.ParentColumn ? typeof(int) : typeof(string));
            }

            return table;
        });
        foreach (var row in records.SelectMany(r => CaseRowMapping.ChildValuesOf(pks[r.Id], r)))
        {
            tables[row.Table].Rows.Add(row.Values.Select(v => v ?? DBNull.Value).ToArray());
        }

        return tables.Select(t => (t.Key.Name, t.Value));
    }

    public async Task<CaseRecord?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        (await GetManyAsync([id], cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<CaseRecord>> GetManyAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken = default) =>
        this.GetInOrderAsync(ids, cancellationToken);

    public async Task<IReadOnlyList<CaseRecord>> GetGroupAsync(string caseGroup, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<CaseRow>(SqlServerStatements.SelectCases + " WHERE case_group = @caseGroup ORDER BY id", new { caseGroup })).AsList();
        return (await ReadAsync(connection, rows)).Select(v => v.Record).ToList();
    }

    public IAsyncEnumerable<CaseRecord> StreamAllAsync(CancellationToken cancellationToken = default) =>
        StreamVersionedAsync(cancellationToken).Select(v => v.Record);

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqlTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var deleted = await connection.ExecuteScalarAsync<int>(SqlServerStatements.DeleteCase, new { id }, transaction);
        await transaction.CommitAsync(cancellationToken);
        return deleted > 0;
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(SqlServerStatements.CountCases);
    }

    public async Task<IReadOnlySet<string>> FindExistingIdsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (ids.Count > 0)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            foreach (var chunk in ids.Chunk(Chunk))
            {
                found.UnionWith(await connection.QueryAsync<string>(SqlServerStatements.ExistingIds, new { chunk }));
            }
        }

        return found;
    }

    public async Task<IReadOnlyList<OutboxItem>> ReadPendingAsync(int max, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<OutboxItem>(SqlServerStatements.ReadPending, new { max })).AsList();
    }

    public async Task<IReadOnlyList<OutboxItem>> ReadAfterAsync(long seq, int max, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<OutboxItem>(SqlServerStatements.ReadAfter, new { seq, max })).AsList();
    }

    public async Task<long> LastSeqAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(SqlServerStatements.LastSeq) ?? 0;
    }

    public async Task<OutboxLag> LagAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync<OutboxLag>(new CommandDefinition(SqlServerStatements.OutboxLag, cancellationToken: cancellationToken));
    }

    public async Task SetAsideAsync(IReadOnlyList<DeadLetter> letters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(letters);
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var letter in letters)
        {
            await connection.ExecuteAsync(new CommandDefinition(SqlServerStatements.SetAside, new { caseId = letter.CaseId, version = letter.Version, error = letter.Error }, cancellationToken: cancellationToken));
        }
    }

    public async Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<DeadLetter>(new CommandDefinition(SqlServerStatements.DeadLetters, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<int> RetryDeadAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqlTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var requeued = await connection.ExecuteScalarAsync<int>(new CommandDefinition(SqlServerStatements.RetryDead, transaction: transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return requeued;
    }

    public async Task MarkProcessedAsync(IReadOnlyList<long> seqs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(seqs);
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var chunk in seqs.Chunk(Chunk))
        {
            await connection.ExecuteAsync(SqlServerStatements.MarkProcessed, new { seqs = chunk });
        }
    }

    public async Task<bool> TryTakeLeaseAsync(string holder, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(SqlServerStatements.TakeLease, new { name = "index-sync", holder, milliseconds = (int)duration.TotalMilliseconds }) == 1;
    }

    public async Task TakeOverLeaseAsync(string holder, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(SqlServerStatements.TakeOverLease, new { name = "index-sync", holder, milliseconds = (int)duration.TotalMilliseconds });
    }

    public async Task ReleaseLeaseAsync(string holder, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(SqlServerStatements.ReleaseLease, new { name = "index-sync", holder });
    }

    public async Task<IReadOnlyList<VersionedRecord>> GetVersionedAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var result = new List<VersionedRecord>();
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var chunk in ids.Chunk(Chunk))
        {
            var rows = (await connection.QueryAsync<CaseRow>(SqlServerStatements.SelectCases + " WHERE id IN @chunk", new { chunk })).AsList();
            result.AddRange(await ReadAsync(connection, rows));
        }

        return result;
    }

    public async IAsyncEnumerable<VersionedRecord> StreamVersionedAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var after = string.Empty;
        while (true)
        {
            List<VersionedRecord> page;
            await using (var connection = await database.OpenAsync(cancellationToken))
            {
                var rows = (await connection.QueryAsync<CaseRow>(
                    SqlServerStatements.SelectCases + " WHERE id > @after ORDER BY id OFFSET 0 ROWS FETCH NEXT @Chunk ROWS ONLY",
                    new { after, Chunk })).AsList();
                page = await ReadAsync(connection, rows);
            }

            foreach (var versioned in page)
            {
                yield return versioned;
            }

            if (page.Count < Chunk)
            {
                yield break;
            }

            after = page[^1].Record.Id;
        }
    }

    /// <summary>Reads the list rows with the SQL shared with the embedded store, then assembles the records.</summary>
    private static async Task<List<VersionedRecord>> ReadAsync(SqlConnection connection, List<CaseRow> rows, SqlTransaction? transaction = null)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var pks = rows.Select(r => r.Pk).ToArray();
        var lists = new Dictionary<CaseRowMapping.ChildTable, ILookup<long, CaseRowMapping.ListRow>>();
        foreach (var table in CaseRowMapping.ChildTables)
        {
            lists[table] = (await connection.QueryAsync<CaseRowMapping.ListRow>(table.SelectWhere("case_pk IN @pks"), new { pks }, transaction)).ToLookup(r => r.CasePk);
        }

        return CaseRowMapping.Assemble(rows, lists).Select((record, i) => new VersionedRecord(record, rows[i].Version)).ToList();
    }
}
