using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace UjDatabase.Core.Export;

/// <summary>
/// Writes an XLSX workbook in bounded memory: typed cells (numbers as numbers), a bold frozen header row, inline
/// strings (no shared-string table to hold). Each sheet is written row by row with OpenXml's streaming writer to a
/// temporary file; on dispose, OpenXml builds the (small) workbook around empty sheets and the zip is assembled with
/// the sheet files streamed in. Opening the package for update would instead hold every sheet in memory until the end.
/// </summary>
public sealed class XlsxExport : IDisposable
{
    private readonly Stream output;
    private readonly List<(string Name, string Path)> sheets = [];

    public XlsxExport(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        this.output = output;
    }

    /// <summary>Adds a sheet: a header row, then the rows as they are enumerated.</summary>
    public void AddSheet(string name, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows) =>
        AddSheet(name, [], headers, rows);

    /// <summary>
    /// Adds a sheet that says what it holds: the <paramref name="preamble"/> rows (title, year, unit, rule...), a blank
    /// row, then the bold header row (frozen, so it stays in view) and the rows as they are enumerated.
    /// </summary>
    public void AddSheet(string name, IReadOnlyList<IReadOnlyList<object?>> preamble, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var sheet = StartSheet(name, preamble, headers);
        foreach (var row in rows)
        {
            sheet.Add(row);
        }
    }

    /// <summary>The same, for rows that arrive asynchronously (records read from the index as a search streams them): no thread waits on them.</summary>
    public async Task AddSheetAsync(string name, IReadOnlyList<string> headers, IAsyncEnumerable<IReadOnlyList<object?>> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var sheet = StartSheet(name, [], headers);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            sheet.Add(row);
        }
    }

    private SheetWriter StartSheet(string name, IReadOnlyList<IReadOnlyList<object?>> preamble, IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(preamble);
        ArgumentNullException.ThrowIfNull(headers);
        var path = Path.GetTempFileName();
        sheets.Add((SheetName(name), path));
        return new SheetWriter(path, preamble, headers);
    }

    /// <summary>One sheet being written row by row to its temporary file (a local file: writing it synchronously holds no thread on the network).</summary>
    private sealed class SheetWriter : IDisposable
    {
        private readonly FileStream file;
        private readonly OpenXmlWriter writer;
        private uint index;

        public SheetWriter(string path, IReadOnlyList<IReadOnlyList<object?>> preamble, IReadOnlyList<string> headers)
        {
            var headerRow = preamble.Count == 0 ? 1U : (uint)preamble.Count + 2;
            file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024);
            writer = OpenXmlWriter.Create(file);
            writer.WriteStartDocument();
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetViews());
            writer.WriteStartElement(new SheetView { WorkbookViewId = 0 });
            writer.WriteElement(new Pane
            {
                VerticalSplit = headerRow,
                TopLeftCell = "A" + (headerRow + 1).ToString(CultureInfo.InvariantCulture),
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            });
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteStartElement(new SheetData());
            index = 1;
            foreach (var row in preamble)
            {
                // The first line of the preamble is the sheet's title.
                WriteRow(writer, index, row, bold: index == 1);
                index++;
            }

            WriteRow(writer, headerRow, headers, bold: true);
            index = headerRow + 1;
        }

        public void Add(IReadOnlyList<object?> row) => WriteRow(writer, index++, row, bold: false);

        public void Dispose()
        {
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.Dispose();
            file.Dispose();
        }
    }

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
                    // Cells hold at most 32,767 characters, and only characters XML allows.
                    var text = XmlSafe(FormulaGuard.Neutralise(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty));
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

    /// <summary>
    /// Replaces characters an XML file cannot hold (control characters, lone surrogates) with U+FFFD. The validator
    /// keeps them out of records; this keeps a record stored before that rule from breaking a whole export.
    /// </summary>
    public static string XmlSafe(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.All(IsXmlChar))
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (!IsXmlChar(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }

    /// <summary>A character XML allows on its own (surrogates only come in pairs, checked by the caller).</summary>
    private static bool IsXmlChar(char c) => c is '\t' or '\n' or '\r' || (c >= ' ' && c is not '\uFFFE' and not '\uFFFF' && !char.IsSurrogate(c));

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
        var skeleton = Path.GetTempFileName();
        try
        {
            var sheetEntries = BuildSkeleton(skeleton);
            using var source = ZipFile.OpenRead(skeleton);
            using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
            foreach (var entry in source.Entries)
            {
                var target = zip.CreateEntry(entry.FullName, CompressionLevel.Fastest);
                using var to = target.Open();
                using var from = sheetEntries.TryGetValue(entry.FullName, out var sheetFile) ? File.OpenRead(sheetFile) : entry.Open();
                from.CopyTo(to);
            }
        }
        finally
        {
            File.Delete(skeleton);
            foreach (var (_, path) in sheets)
            {
                File.Delete(path);
            }
        }
    }

    /// <summary>Builds the workbook with OpenXml around empty sheets; returns which zip entry each sheet file fills.</summary>
    private Dictionary<string, string> BuildSkeleton(string path)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheetList = workbook.Workbook.AppendChild(new Sheets());
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font(), new Font(new Bold())),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border()),
            new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }));
        uint id = 1;
        foreach (var (name, file) in sheets)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            part.Worksheet = new Worksheet(new SheetData());
            sheetList.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = name });
            entries[part.Uri.OriginalString.TrimStart('/')] = file;
        }

        workbook.Workbook.Save();
        return entries;
    }
}
