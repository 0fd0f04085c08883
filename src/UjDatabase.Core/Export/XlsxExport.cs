using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace UjDatabase.Core.Export;

/// <summary>
/// Writes an XLSX workbook sheet by sheet with OpenXml's streaming writer, so a million rows never sit in memory:
/// typed cells (numbers as numbers), a bold frozen header row, inline strings (no shared-string table to hold).
/// The package needs a seekable stream: callers write to a temporary file and send that.
/// </summary>
public sealed class XlsxExport : IDisposable
{
    private readonly SpreadsheetDocument document;
    private readonly Sheets sheets;
    private uint nextSheetId = 1;

    public XlsxExport(Stream seekableOutput)
    {
        document = SpreadsheetDocument.Create(seekableOutput, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        sheets = workbook.Workbook.AppendChild(new Sheets());
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font(), new Font(new Bold())),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border()),
            new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }));
    }

    /// <summary>Adds a sheet: a header row, then the rows as they are enumerated.</summary>
    public void AddSheet(string name, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        var part = document.WorkbookPart!.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(part))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetViews());
            writer.WriteStartElement(new SheetView { WorkbookViewId = 0 });
            writer.WriteElement(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteStartElement(new SheetData());
            WriteRow(writer, 1, headers, bold: true);
            uint index = 2;
            foreach (var row in rows)
            {
                WriteRow(writer, index++, row, bold: false);
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        sheets.Append(new Sheet { Id = document.WorkbookPart.GetIdOfPart(part), SheetId = nextSheetId++, Name = SheetName(name) });
    }

    public void AddSheet(string name, IReadOnlyList<string> headers, IAsyncEnumerable<IReadOnlyList<object?>> rows) =>
        AddSheet(name, headers, rows.ToBlockingEnumerable());

    private static void WriteRow(OpenXmlWriter writer, uint index, IEnumerable<object?> values, bool bold)
    {
        writer.WriteStartElement(new Row { RowIndex = index });
        var column = 0;
        foreach (var value in values)
        {
            column++;
            var reference = ColumnName(column) + index.ToString(CultureInfo.InvariantCulture);
            switch (value)
            {
                case null:
                    break;
                case double or float or int or long or decimal:
                    writer.WriteElement(new Cell
                    {
                        CellReference = reference,
                        DataType = CellValues.Number,
                        CellValue = new CellValue(Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)),
                        StyleIndex = bold ? 1U : 0U,
                    });
                    break;
                default:
                    // Cells hold at most 32,767 characters.
                    var text = FormulaGuard.Neutralise(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
                    writer.WriteElement(new Cell(new InlineString(new Text(text.Length > 32_767 ? text[..32_767] : text) { Space = SpaceProcessingModeValues.Preserve }))
                    {
                        CellReference = reference,
                        DataType = CellValues.InlineString,
                        StyleIndex = bold ? 1U : 0U,
                    });
                    break;
            }
        }

        writer.WriteEndElement();
    }

    private static string ColumnName(int column)
    {
        var name = string.Empty;
        for (; column > 0; column = (column - 1) / 26)
        {
            name = (char)('A' + ((column - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>Sheet names: at most 31 characters, none of : \ / ? * [ ].</summary>
    private static string SheetName(string name)
    {
        var clean = new string(name.Select(c => c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? ' ' : c).ToArray()).Trim();
        return clean.Length > 31 ? clean[..31] : clean;
    }

    public void Dispose()
    {
        document.WorkbookPart!.Workbook.Save();
        document.Dispose();
    }
}
