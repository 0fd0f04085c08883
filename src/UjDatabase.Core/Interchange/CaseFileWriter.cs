using System.Buffers;
using System.Text.Json;
using UjDatabase.Core.Cases;

namespace UjDatabase.Core.Interchange;

/// <summary>The file formats of the interchange format.</summary>
public enum InterchangeFormat
{
    /// <summary>A JSON array, one indented record after another.</summary>
    Json,

    /// <summary>JSON Lines: one compact record per line.</summary>
    Jsonl,
}

/// <summary>
/// Writes records in the interchange format, streaming: output is flushed as it goes. Every write to the output is
/// asynchronous, because an HTTP response (Kestrel) refuses synchronous writes.
/// </summary>
public static class CaseFileWriter
{
    private const int FlushEvery = 256;

    private static readonly ReadOnlyMemory<byte> NewLine = "\n"u8.ToArray();

    public static async Task<long> WriteAsync(Stream output, IAsyncEnumerable<CaseRecord> records, InterchangeFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(records);
        return format == InterchangeFormat.Json
            ? await WriteArrayAsync(output, records, cancellationToken)
            : await WriteLinesAsync(output, records, cancellationToken);
    }

    private static async Task<long> WriteArrayAsync(Stream output, IAsyncEnumerable<CaseRecord> records, CancellationToken cancellationToken)
    {
        var options = CaseJson.IndentedOptions;
        // The writer fills a memory buffer, never the output: a converter may flush its writer synchronously, which
        // an HTTP response refuses. The buffer goes to the output asynchronously, a batch of records at a time.
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        await using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            IndentSize = 2,
            NewLine = "\n",
            Encoder = options.Encoder,
        });

        async Task DrainAsync()
        {
            writer.Flush();
            await output.WriteAsync(buffer.WrittenMemory, cancellationToken);
            buffer.ResetWrittenCount();
        }

        writer.WriteStartArray();
        long count = 0;
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            JsonSerializer.Serialize(writer, record, options);
            if (++count % FlushEvery == 0)
            {
                await DrainAsync();
            }
        }

        writer.WriteEndArray();
        await DrainAsync();
        await output.WriteAsync(NewLine, cancellationToken);
        await output.FlushAsync(cancellationToken);
        return count;
    }

    private static async Task<long> WriteLinesAsync(Stream output, IAsyncEnumerable<CaseRecord> records, CancellationToken cancellationToken)
    {
        long count = 0;
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            await JsonSerializer.SerializeAsync(output, record, CaseJson.Options, cancellationToken);
            await output.WriteAsync(NewLine, cancellationToken);
            count++;
        }

        await output.FlushAsync(cancellationToken);
        return count;
    }
}
