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

/// <summary>Writes records in the interchange format, streaming: output is flushed as it goes.</summary>
public static class CaseFileWriter
{
    private const int FlushEvery = 256;

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
        await using var writer = new Utf8JsonWriter(output, new JsonWriterOptions
        {
            Indented = true,
            IndentSize = 2,
            NewLine = "\n",
            Encoder = options.Encoder,
        });
        writer.WriteStartArray();
        long count = 0;
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            JsonSerializer.Serialize(writer, record, options);
            if (++count % FlushEvery == 0)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        writer.WriteEndArray();
        await writer.FlushAsync(cancellationToken);
        output.WriteByte((byte)'\n');
        await output.FlushAsync(cancellationToken);
        return count;
    }

    private static async Task<long> WriteLinesAsync(Stream output, IAsyncEnumerable<CaseRecord> records, CancellationToken cancellationToken)
    {
        long count = 0;
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            await JsonSerializer.SerializeAsync(output, record, CaseJson.Options, cancellationToken);
            output.WriteByte((byte)'\n');
            count++;
        }

        await output.FlushAsync(cancellationToken);
        return count;
    }
}
