using System.Text;
using System.Text.Json;

namespace UjDatabase.Core.Interchange;

/// <summary>One item of an interchange file: a JSON record and the line it starts on, or an error at a line.</summary>
public sealed class FileItem
{
    private JsonElement? json;

    public FileItem(int line, JsonElement? json, string? error)
    {
        Line = line;
        this.json = json;
        Error = error;
    }

    /// <summary>A well-formed JSON object read from a line, kept as text until someone asks for its elements.</summary>
    internal FileItem(int line, byte[] utf8)
    {
        Line = line;
        Utf8 = utf8;
    }

    public int Line { get; }

    public string? Error { get; }

    /// <summary>The record's UTF-8 text, for a line of JSON Lines: decoders read it straight, without building a DOM.</summary>
    public ReadOnlyMemory<byte>? Utf8 { get; }

    /// <summary>The record as JSON elements; null when the item is an error.</summary>
    public JsonElement? Json
    {
        get
        {
            if (json is null && Utf8 is { } utf8)
            {
                using var document = JsonDocument.Parse(utf8);
                json = document.RootElement.Clone();
            }

            return json;
        }
    }
}

/// <summary>
/// Streams the records of an interchange file, a JSON array or JSON Lines, one at a time, with the line each starts on.
/// Only one record is held at a time, so a file of a million records is never loaded whole.
/// </summary>
public static class CaseFileReader
{
    /// <summary>Reads a seekable stream; the format is told by its first character (<c>[</c> array, <c>{</c> JSON Lines).</summary>
    public static IEnumerable<FileItem> Read(Stream stream) => Read(stream, item => item);

    /// <summary>
    /// Reads a stream and hands each item through <paramref name="then"/>, in file order. For JSON Lines, parsing and
    /// <paramref name="then"/> (an import's decoding and validation) run a batch of lines at a time on every core.
    /// </summary>
    public static IEnumerable<T> Read<T>(Stream stream, Func<FileItem, T> then, bool parallel = true)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(then);
        var first = PeekFirstSignificantByte(stream);
        return first switch
        {
            (byte)'[' => ReadArray(stream).Select(then),
            (byte)'{' => ReadLines(stream, then, parallel),
            null => [then(new FileItem(1, null, "the file is empty: expected a JSON array of records or JSON Lines"))],
            _ => [then(new FileItem(1, null, "expected a JSON array of records ('[' first) or JSON Lines (one object per line)"))],
        };
    }

    public static IEnumerable<FileItem> ReadFile(string path) => ReadFile(path, item => item);

    /// <summary>Reads a file; <paramref name="parallel"/> false keeps the work on the calling thread (it shares the machine with a consumer).</summary>
    public static IEnumerable<T> ReadFile<T>(string path, Func<FileItem, T> then, bool parallel = true)
    {
        using var stream = File.OpenRead(path);
        foreach (var item in Read(stream, then, parallel))
        {
            yield return item;
        }
    }

    private static byte? PeekFirstSignificantByte(Stream stream)
    {
        if (!stream.CanSeek)
        {
            throw new ArgumentException("The stream must be seekable.", nameof(stream));
        }

        var start = stream.Position;
        try
        {
            int b;
            var position = 0;
            while ((b = stream.ReadByte()) != -1)
            {
                var isBom = position < 3 && (b == 0xEF || b == 0xBB || b == 0xBF);
                position++;
                if (!isBom && b is not (' ' or '\t' or '\r' or '\n'))
                {
                    return (byte)b;
                }
            }

            return null;
        }
        finally
        {
            stream.Position = start;
        }
    }

    /// <summary>What the reader says of a file that is not UTF-8, e.g. one saved as Latin-1 or Windows-1252.</summary>
    public const string NotUtf8 = "the text is not UTF-8 (it may have been saved as Latin-1 or Windows-1252); save the file as UTF-8 and try again";

    /// <summary>Lines parsed together, on every core: parsing is most of the cost of reading a large file.</summary>
    private const int ParseBatch = 1000;

    /// <summary>
    /// Reads lines as bytes, so that a line that is not UTF-8 is reported with its number rather than silently
    /// repaired, and parses them a batch at a time, in parallel, handing them on in file order.
    /// </summary>
    private static IEnumerable<T> ReadLines<T>(Stream stream, Func<FileItem, T> then, bool parallel)
    {
        var batch = new List<(byte[] Bytes, int Line)>(ParseBatch);
        var lines = SplitLines(stream).GetEnumerator();
        for (var more = true; more;)
        {
            batch.Clear();
            while (batch.Count < ParseBatch && (more = lines.MoveNext()))
            {
                batch.Add(lines.Current);
            }

            foreach (var (item, result) in ParseInOrder(batch, then, parallel))
            {
                yield return result;
                if (item.Error == NotUtf8)
                {
                    // A file in another encoding is wrong on every line with a letter outside ASCII: one message says it.
                    yield break;
                }
            }
        }
    }

    private static List<(FileItem Item, T Result)> ParseInOrder<T>(List<(byte[] Bytes, int Line)> lines, Func<FileItem, T> then, bool parallel)
    {
        (FileItem, T) Parse((byte[] Bytes, int Line) line)
        {
            var item = ParseLine(line.Bytes, line.Line);
            return (item, then(item));
        }

        return !parallel || lines.Count < 64 ? lines.Select(Parse).ToList() : lines.AsParallel().AsOrdered().Select(Parse).ToList();
    }

    /// <summary>The file's non-blank lines as bytes, with their numbers.</summary>
    private static IEnumerable<(byte[] Bytes, int Line)> SplitLines(Stream stream)
    {
        var buffer = new byte[64 * 1024];
        int start = 0, end = 0, lineNumber = 0;
        var endOfStream = false;
        var first = true;
        while (true)
        {
            var newline = Array.IndexOf(buffer, (byte)'\n', start, end - start);
            if (newline < 0 && !endOfStream)
            {
                if (start > 0)
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    start = 0;
                }

                if (end == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                var read = stream.Read(buffer, end, buffer.Length - end);
                endOfStream = read == 0;
                end += read;
                continue;
            }

            var lineEnd = newline < 0 ? end : newline;
            var line = buffer.AsMemory(start, lineEnd - start);
            if (first && line.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                line = line[3..];
            }

            first = false;
            lineNumber++;
            start = newline < 0 ? end : newline + 1;
            if (!line.Span.Trim((byte)'\r').Trim((byte)' ').Trim((byte)'\t').IsEmpty)
            {
                yield return (line.ToArray(), lineNumber);
            }

            if (newline < 0)
            {
                yield break;
            }
        }
    }

    private static FileItem ParseLine(byte[] line, int lineNumber)
    {
        if (!System.Text.Unicode.Utf8.IsValid(line))
        {
            return new FileItem(lineNumber, null, NotUtf8);
        }

        try
        {
            // A syntax check without building a DOM: most lines go straight to the deserializer.
            var reader = new Utf8JsonReader(line);
            reader.Read();
            var isObject = reader.TokenType == JsonTokenType.StartObject;
            reader.Skip();
            if (reader.Read())
            {
                return new FileItem(lineNumber, null, $"malformed JSON: there is more on the line after the value that ends at byte {reader.TokenStartIndex}");
            }

            return isObject ? new FileItem(lineNumber, line) : new FileItem(lineNumber, null, "each line must hold one JSON object");
        }
        catch (JsonException ex)
        {
            return new FileItem(lineNumber, null, $"malformed JSON: {ex.Message}");
        }
    }

    private static IEnumerable<FileItem> ReadArray(Stream stream)
    {
        var reader = new ArrayReader(stream);
        while (reader.Next() is { } item)
        {
            yield return item;
            if (item.Error is not null)
            {
                yield break;
            }
        }
    }

    /// <summary>Pulls one object at a time out of a JSON array, refilling a buffer that grows only to the largest record.</summary>
    private sealed class ArrayReader(Stream stream)
    {
        private byte[] buffer = new byte[64 * 1024];
        private int start;
        private int end;
        private bool endOfStream;
        private bool inArray;
        private bool arrayClosed;
        private int line = 1;
        private JsonReaderState state = new(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });

        public FileItem? Next()
        {
            while (true)
            {
                var outcome = TryTakeObject(out var item);
                if (outcome == Outcome.Item)
                {
                    return item;
                }

                if (outcome == Outcome.Done)
                {
                    return null;
                }

                if (endOfStream)
                {
                    return new FileItem(line, null, inArray ? "the file ends before the array is closed" : "the file is empty");
                }

                Fill();
            }
        }

        private enum Outcome
        {
            Item,
            NeedMoreData,
            Done,
        }

        private Outcome TryTakeObject(out FileItem? item)
        {
            item = null;
            var span = buffer.AsSpan(start, end - start);
            var reader = new Utf8JsonReader(span, endOfStream, state);
            try
            {
                while (true)
                {
                    var consumedBefore = (int)reader.BytesConsumed;
                    var stateBefore = reader.CurrentState;
                    if (!reader.Read())
                    {
                        Advance(span, consumedBefore, stateBefore);
                        return arrayClosed && endOfStream ? Outcome.Done : Outcome.NeedMoreData;
                    }

                    // Content after the closing ']' never gets here: the reader itself rejects it as malformed.
                    if (!inArray)
                    {
                        inArray = true;
                        continue;
                    }

                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        arrayClosed = true;
                        continue;
                    }

                    var objectStart = (int)reader.TokenStartIndex;
                    var objectLine = line + CountNewlines(span[..objectStart]);
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        item = new FileItem(objectLine, null, "every item of the array must be a JSON object");
                        return Outcome.Item;
                    }

                    if (!reader.TrySkip())
                    {
                        Advance(span, consumedBefore, stateBefore);
                        return Outcome.NeedMoreData;
                    }

                    var objectEnd = (int)reader.BytesConsumed;
                    if (!System.Text.Unicode.Utf8.IsValid(span[objectStart..objectEnd]))
                    {
                        item = new FileItem(objectLine, null, NotUtf8);
                        return Outcome.Item;
                    }

                    var objectReader = new Utf8JsonReader(span[objectStart..objectEnd]);
                    item = new FileItem(objectLine, JsonElement.ParseValue(ref objectReader), null);
                    Advance(span, objectEnd, reader.CurrentState);
                    return Outcome.Item;
                }
            }
            catch (JsonException ex)
            {
                // The reader state carries the line count across buffer refills, so LineNumber is from the file's start.
                item = new FileItem((int)(ex.LineNumber ?? 0) + 1, null, $"malformed JSON: {ex.Message}");
                return Outcome.Item;
            }
        }

        private void Advance(ReadOnlySpan<byte> span, int consumed, JsonReaderState newState)
        {
            line += CountNewlines(span[..consumed]);
            start += consumed;
            state = newState;
        }

        private void Fill()
        {
            if (start > 0)
            {
                Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }

            if (end == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = stream.Read(buffer, end, buffer.Length - end);
            if (read == 0)
            {
                endOfStream = true;
            }

            end += read;
            if (line == 1 && start == 0 && end >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF && !inArray)
            {
                start = 3;
            }
        }

        private static int CountNewlines(ReadOnlySpan<byte> bytes) => bytes.Count((byte)'\n');
    }
}
