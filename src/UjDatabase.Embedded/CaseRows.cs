using System.Data;
using System.Reflection;
using Dapper;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Storage;
using CaseRow = UjDatabase.Core.Storage.CaseRowMapping.CaseRow;

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

        var pks = rows.Select(r => r.Pk).ToArray();
        var lists = CaseRowMapping.ChildTables.ToDictionary(
            table => table,
            table => connection.Query<CaseRowMapping.ListRow>(table.SelectWhere("case_pk IN (SELECT value FROM json_each(@pks))"), new { pks = JsonList(pks) }, transaction).ToLookup(r => r.CasePk));
        return CaseRowMapping.Assemble(rows, lists);
    }
}
