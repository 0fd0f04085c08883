using System.Buffers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Interchange;
using UjDatabase.Core.Storage;
using CaseRow = UjDatabase.Embedded.CaseRowMapping.CaseRow;

namespace UjDatabase.Embedded;

/// <summary>
/// Writes records, each with its outbox row, inside one transaction, a batch at a time. A record has a dozen list rows:
/// a statement per row (and preparing each through Dapper) made a million-record import spend most of its time in
/// statement overhead, so each list table takes a whole batch's rows as one JSON parameter read with
/// <c>json_each</c>. The case row itself, with its 34 columns, goes through one prepared statement per record: read
/// from JSON, SQLite parses the row's text again for every column it extracts. See bench/README.md for the figures.
/// </summary>
internal sealed class CaseWriter : IDisposable
{
    private const int BatchSize = 500;

    private static readonly PropertyInfo[] RowProperties = typeof(CaseRow).GetProperties()
        .Where(p => p.Name != nameof(CaseRow.Pk)).ToArray();


    private readonly List<(CaseRecord Record, long Version)> pending = new(BatchSize);
    private readonly HashSet<string> pendingIds = new(StringComparer.Ordinal);
    private readonly SqliteCommand upsert;
    private readonly SqliteCommand outbox;
    private readonly SqliteCommand existing;
    private readonly Dictionary<CaseRowMapping.ChildTable, (SqliteCommand Insert, SqliteCommand Delete)> children;
    private readonly List<SqliteCommand> all = [];
    private readonly SqliteConnection connection;
    private readonly SqliteTransaction transaction;
    private readonly SqliteCommand? revisions;
    private readonly ArrayBufferWriter<byte> buffer = new(1 << 20);

    /// <summary>A writer in the caller's transaction; with a <paramref name="revision"/> stamp, each new or changed record also gets its revision.</summary>
    public CaseWriter(SqliteConnection connection, SqliteTransaction transaction, string now, RevisionStamp? revision = null)
    {
        this.connection = connection;
        this.transaction = transaction;
        SqliteCommand Prepare(string sql, params string[] parameters)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                command.Parameters.Add(new SqliteParameter("@" + name, DBNull.Value));
            }

            command.Prepare();
            all.Add(command);
            return command;
        }

        upsert = Prepare(SqliteStatements.UpsertCases, RowProperties.Select(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name)).ToArray());
        outbox = Prepare(SqliteStatements.OutboxUpserts, "rows", "now");
        outbox.Parameters["@now"].Value = now;
        children = CaseRowMapping.ChildTables.ToDictionary(
            table => table,
            table => (
                Prepare($"INSERT INTO {table.Name} ({string.Join(", ", table.Columns)}) SELECT {string.Join(", ", table.Columns.Select((_, i) => $"value ->> {i}"))} FROM json_each(@rows)", "rows"),
                Prepare($"DELETE FROM {table.Name} WHERE case_pk IN (SELECT value FROM json_each(@pks))", "pks")));
        existing = Prepare(SqliteStatements.ExistingPks, "ids");
        if (revision is not null)
        {
            revisions = Prepare(SqliteStatements.AddRevisions, "rows", "at", "author", "action");
            revisions.Parameters["@at"].Value = revision.At.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            revisions.Parameters["@author"].Value = revision.Author;
            revisions.Parameters["@action"].Value = revision.Action;
        }
    }

    /// <summary>Queues a record; the batch is written when full, or by <see cref="Flush"/>.</summary>
    public void Add(CaseRecord record, long version)
    {
        // A record given twice goes in a later batch, so that each batch's list rows belong to one version of it.
        if (!pendingIds.Add(record.Id))
        {
            Flush();
            pendingIds.Add(record.Id);
        }

        pending.Add((record, version));
        if (pending.Count == BatchSize)
        {
            Flush();
        }
    }

    public void Flush()
    {
        if (pending.Count == 0)
        {
            return;
        }

        // The lists of records already in the store are replaced wholesale; new records have none to remove.
        var ids = Json(writer =>
        {
            foreach (var (record, _) in pending)
            {
                writer.WriteStringValue(record.Id);
            }
        });
        existing.Parameters[0].Value = ids;
        var replaced = new List<long>();
        using (var reader = existing.ExecuteReader())
        {
            while (reader.Read())
            {
                replaced.Add(reader.GetInt64(0));
            }
        }

        if (revisions is not null)
        {
            AddRevisions(replaced.Count > 0);
        }

        if (replaced.Count > 0)
        {
            var pks = CaseRows.JsonList(replaced);
            foreach (var (_, delete) in children.Values)
            {
                delete.Parameters[0].Value = pks;
                delete.ExecuteNonQuery();
            }
        }

        var keys = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (record, version) in pending)
        {
            var row = CaseRow.From(record, version);
            for (var i = 0; i < RowProperties.Length; i++)
            {
                upsert.Parameters[i].Value = RowProperties[i].GetValue(row) ?? DBNull.Value;
            }

            keys[record.Id] = (long)upsert.ExecuteScalar()!;
        }

        var rows = pending.SelectMany(p => CaseRowMapping.ChildValuesOf(keys[p.Record.Id], p.Record)).ToLookup(c => c.Table);
        foreach (var (table, (insert, _)) in children)
        {
            if (!rows[table].Any())
            {
                continue;
            }

            insert.Parameters[0].Value = Json(writer =>
            {
                foreach (var child in rows[table])
                {
                    writer.WriteStartArray();
                    foreach (var value in child.Values)
                    {
                        WriteValue(writer, value);
                    }

                    writer.WriteEndArray();
                }
            });
            insert.ExecuteNonQuery();
        }

        outbox.Parameters[0].Value = Json(writer =>
        {
            foreach (var (record, version) in pending)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(record.Id);
                writer.WriteNumberValue(version);
                writer.WriteEndArray();
            }
        });
        outbox.ExecuteNonQuery();

        pending.Clear();
        pendingIds.Clear();
    }

    /// <summary>
    /// The revisions of the batch's new and changed records, before the batch replaces them. Only a batch that
    /// replaces records reads any back; an unchanged record (the same interchange JSON) gets no revision.
    /// </summary>
    private void AddRevisions(bool replacesAny)
    {
        var before = replacesAny
            ? CaseRows.SelectByIds(connection, pending.Select(p => p.Record.Id), transaction).ToDictionary(v => v.Record.Id, v => CaseJson.Serialize(v.Record), StringComparer.Ordinal)
            : [];
        var changes = 0;
        revisions!.Parameters["@rows"].Value = Json(writer =>
        {
            foreach (var (record, _) in pending)
            {
                // A new record is kept once, in cases: its revision keeps no copy (see StoredRevisions).
                var previous = before.GetValueOrDefault(record.Id);
                var after = previous is null ? null : CaseJson.Serialize(record);
                if (previous is not null && previous == after)
                {
                    continue;
                }

                writer.WriteStartArray();
                writer.WriteStringValue(record.Id);
                WriteStringOrNull(writer, previous);
                WriteStringOrNull(writer, after);
                writer.WriteEndArray();
                changes++;
            }
        });
        if (changes > 0)
        {
            revisions.ExecuteNonQuery();
        }
    }

    private static void WriteStringOrNull(Utf8JsonWriter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    /// <summary>A JSON array of what <paramref name="items"/> writes, as text.</summary>
    private string Json(Action<Utf8JsonWriter> items)
    {
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            writer.WriteStartArray();
            items(writer);
            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case double number:
                writer.WriteNumberValue(number);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            default:
                throw new ArgumentException($"No JSON form for a {value.GetType().Name} column value.", nameof(value));
        }
    }

    public void Dispose()
    {
        foreach (var command in all)
        {
            command.Dispose();
        }
    }
}
