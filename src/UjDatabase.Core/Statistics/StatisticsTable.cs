using UjDatabase.Core.Languages;
namespace UjDatabase.Core.Statistics;

/// <summary>One value of a dimension: its code (as in the URL), label, and the search listing the records behind it.</summary>
public sealed record DimensionValue(string Value, string Label);

/// <summary>A cell: the count, and the search (query string) that lists the records behind it.</summary>
public sealed record TableCell(long Count, string Query);

/// <summary>A row of a table: a value of the first dimension, its cells (one per column), and the row total.</summary>
public sealed record TableRow(DimensionValue Key, IReadOnlyList<TableCell> Cells, TableCell Total);

/// <summary>
/// A statistics table with its counting rule. With no dimension it has one row; with one, one column (the count);
/// with two, a column per value of the second. Totals count distinct units, so with multi-valued dimensions (a record
/// about two countries counts under both) rows may add up to more than the total, as the rule says.
/// </summary>
public sealed record StatisticsTable(
    string Title,
    string Rule,
    StatisticsRequest Request,
    IReadOnlyList<DimensionValue> Columns,
    IReadOnlyList<TableRow> Rows,
    TableCell Total,
    long RecordsSelected)
{
    /// <summary>With two dimensions, each column's total: distinct units, so a column may add up to less than its cells.</summary>
    public IReadOnlyList<TableCell> ColumnTotals { get; init; } = [];

    /// <summary>Why the table counts nothing, in words for people; null when it counts something. An empty table is a normal answer.</summary>
    public string? WhyEmpty => Total.Count > 0
        ? null
        : RecordsSelected == 0
            ? Texts.T("The search selects no records, so there is nothing to count. Remove a filter or change the words to widen it.")
            : (Request.Year is { } year
                ? Texts.T(RecordsSelected == 1 ? "The search selects {0:N0} record, but none of them counts under this rule in {1}." : "The search selects {0:N0} records, but none of them counts under this rule in {1}.", RecordsSelected, year)
                : Texts.T(RecordsSelected == 1 ? "The search selects {0:N0} record, but none of them counts under this rule." : "The search selects {0:N0} records, but none of them counts under this rule.", RecordsSelected));
}
