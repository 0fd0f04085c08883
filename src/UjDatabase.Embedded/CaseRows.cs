using System.Data;
using System.Reflection;
using Dapper;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Storage;
using CaseRow = UjDatabase.Embedded.CaseRowMapping.CaseRow;

namespace UjDatabase.Embedded;

/// <summary>Maps a <see cref="CaseRecord"/> to the normalised tables and back.</summary>
internal static class CaseRows
{
    static CaseRows()
    {
        // `cases` columns are snake_case; map them onto CaseRow's properties for this one type, leaving Dapper's
        // global settings alone.
        SqlMapper.SetTypeMap(typeof(CaseRow), new CustomPropertyTypeMap(
            typeof(CaseRow),
            (type, column) => type.GetProperty(column.Replace("_", string.Empty, StringComparison.Ordinal), BindingFlags.IgnoreCase | BindingFlags.Public | BindingFlags.Instance)!));
    }

    /// <summary>The records (with their versions) that <c>SELECT * FROM cases {condition}</c> finds, in its order.</summary>
    public static List<VersionedRecord> Select(IDbConnection connection, string condition, object parameters, IDbTransaction? transaction = null)
    {
        var rows = connection.Query<CaseRow>("SELECT * FROM cases " + condition, parameters, transaction).AsList();
        return Read(connection, rows, transaction).Select((record, i) => new VersionedRecord(record, rows[i].Version)).ToList();
    }

    /// <summary>The records with these ids (in no particular order).</summary>
    public static List<VersionedRecord> SelectByIds(IDbConnection connection, IEnumerable<string> ids, IDbTransaction? transaction = null) =>
        Select(connection, "WHERE id IN (SELECT value FROM json_each(@ids))", new { ids = JsonList(ids) }, transaction);

    /// <summary>
    /// A list as one JSON array parameter, read back with <c>json_each</c>: binding hundreds of separate parameters
    /// (Dapper's expansion of <c>IN @list</c>) cost more than the query.
    /// </summary>
    public static string JsonList<T>(IEnumerable<T> values) => System.Text.Json.JsonSerializer.Serialize(values);

    /// <summary>Loads the lists of the given case rows and assembles the records, in the order of <paramref name="rows"/>.</summary>
    private static List<CaseRecord> Read(IDbConnection connection, List<CaseRow> rows, IDbTransaction? transaction)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var pks = JsonList(rows.Select(r => r.Pk));
        var lists = connection.Query<TableListRow>(SelectLists, new { pks }, transaction)
            .GroupBy(r => r.Table)
            .ToDictionary(g => CaseRowMapping.ChildTables[(int)g.Key], g => g.Cast<CaseRowMapping.ListRow>().ToLookup(r => r.CasePk));
        return CaseRowMapping.Assemble(rows, lists);
    }

    /// <summary>
    /// The list rows of the records with pks <c>@pks</c> from every list table in one statement (a page of hits read
    /// fifteen statements before): each table's rows numbered by its place in <see cref="CaseRowMapping.ChildTables"/>.
    /// </summary>
    private static readonly string SelectLists = string.Join("\nUNION ALL\n", CaseRowMapping.ChildTables.Select((table, i) =>
    {
        var values = table.ValueColumns.Select((c, v) => $"{c} AS {(char)('A' + v)}").Concat(Enumerable.Range(table.ValueColumns.Count, 4 - table.ValueColumns.Count).Select(v => $"NULL AS {(char)('A' + v)}"));
        return $"SELECT {i} AS \"Table\", case_pk AS CasePk, ord AS Ord, {table.ParentColumn ?? "NULL"} AS Parent, {string.Join(", ", values)} FROM {table.Name} WHERE case_pk IN (SELECT value FROM json_each(@pks))";
    })) + "\nORDER BY 1, 2, 3";

    /// <summary>A list row and the table it comes from.</summary>
    private sealed class TableListRow : CaseRowMapping.ListRow
    {
        public long Table { get; set; }
    }
}
