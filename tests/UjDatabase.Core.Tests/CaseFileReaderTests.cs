using System.Text;
using UjDatabase.Core.Interchange;
using UjDatabase.Core.Synthetic;

namespace UjDatabase.Core.Tests;

public class CaseFileReaderTests
{
    private static List<FileItem> Read(string text) => CaseFileReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text))).ToList();

    [Fact]
    public void Reads_a_json_array_with_the_line_each_record_starts_on()
    {
        var items = Read("[\n  {\n    \"id\": \"a\"\n  },\n  {\"id\": \"b\"},\n\n  {\n\"id\": \"c\"}\n]\n");

        Assert.Equal([2, 5, 7], items.Select(i => i.Line));
        Assert.Equal(["a", "b", "c"], items.Select(i => i.Json!.Value.GetProperty("id").GetString()));
    }

    [Fact]
    public void Reads_json_lines_skipping_blank_lines_and_reports_each_bad_line_then_goes_on()
    {
        var items = Read("{\"id\":\"a\"}\n\n{\"id\": \n[1]\n{\"id\":\"d\"}\n");

        Assert.Equal([1, 3, 4, 5], items.Select(i => i.Line));
        Assert.NotNull(items[0].Json);
        Assert.StartsWith("malformed JSON", items[1].Error, StringComparison.Ordinal);
        Assert.Equal("each line must hold one JSON object", items[2].Error);
        Assert.Equal("d", items[3].Json!.Value.GetProperty("id").GetString());
    }

    [Fact]
    public void A_byte_order_mark_is_ignored()
    {
        Assert.Single(Read("\uFEFF[{\"id\":\"a\"}]"));
        Assert.Single(Read("\uFEFF{\"id\":\"a\"}"));
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("  \n ", "the file is empty")]
    [InlineData("\"text\"", "expected a JSON array")]
    [InlineData("[{\"id\":\"a\"}", "malformed JSON")]
    [InlineData("[{\"id\":\"a\"},\n{\"id\":", "malformed JSON")]
    [InlineData("[{\"id\":\"a\"}, 5]", "every item of the array must be a JSON object")]
    [InlineData("[{\"id\":\"a\"}] [", "malformed JSON")]
    public void Broken_files_end_with_an_error_item(string text, string error)
    {
        var last = Read(text)[^1];

        Assert.Null(last.Json);
        Assert.Contains(error, last.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_inside_an_array_is_reported_at_its_line()
    {
        var items = Read("[\n{\"id\":\"a\"},\n{\"id\": nope}\n]");

        Assert.Equal(2, items.Count);
        Assert.Equal(3, items[1].Line);
        Assert.StartsWith("malformed JSON", items[1].Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Records_larger_than_the_read_buffer_and_many_records_stream_through()
    {
        var big = new string('x', 200_000);
        var text = new StringBuilder("[\n");
        for (var i = 0; i < 3000; i++)
        {
            text.Append("{\"id\":\"r").Append(i).Append("\",\"summary\":\"").Append(i == 1500 ? big : "short").Append("\"},\n");
        }

        text.Append("{\"id\":\"last\"}\n]");

        var items = Read(text.ToString());

        Assert.Equal(3001, items.Count);
        Assert.All(items, i => Assert.Null(i.Error));
        Assert.Equal(big, items[1500].Json!.Value.GetProperty("summary").GetString());
        Assert.Equal(3002, items[^1].Line);
    }

    [Fact]
    public async Task Export_writes_an_array_and_json_lines_that_read_back_to_the_same_records()
    {
        var records = SyntheticCases.Generate(300).ToList();
        foreach (var format in new[] { InterchangeFormat.Json, InterchangeFormat.Jsonl })
        {
            using var stream = new MemoryStream();
            await CaseFileWriter.WriteAsync(stream, records.ToAsyncEnumerable(), format);
            stream.Position = 0;

            var read = CaseFileReader.Read(stream).Select(i => CaseDecoder.Decode(i.Json!.Value, i.Line)).ToList();

            Assert.All(read, d => Assert.Empty(d.Problems));
            Assert.Equal(records.Select(r => CaseJson.Serialize(r)), read.Select(d => CaseJson.Serialize(d.Record!)));
        }
    }

    [Theory]
    [InlineData("[\n{\"id\": \"a\", \"title\": \"Habr\u00e9\"}\n]\n", 2)]
    [InlineData("{\"id\": \"a\"}\n{\"id\": \"b\", \"title\": \"Habr\u00e9\"}\n{\"id\": \"c\"}\n", 2)]
    public void A_file_that_is_not_utf8_is_reported_at_its_first_bad_line(string text, int line)
    {
        // Latin-1: é is the single byte 0xE9, which is not UTF-8.
        var bytes = System.Text.Encoding.Latin1.GetBytes(text);

        var items = CaseFileReader.Read(new MemoryStream(bytes)).ToList();

        var bad = Assert.Single(items, i => i.Error is not null);
        Assert.Equal(line, bad.Line);
        Assert.Contains("not UTF-8", bad.Error, StringComparison.Ordinal);
        Assert.Same(bad, items[^1]);
    }

    [Fact]
    public void Json_lines_with_carriage_returns_a_byte_order_mark_and_no_final_newline_read_as_usual()
    {
        var text = "\uFEFF{\"id\": \"a\"}\r\n\r\n  \r\n{\"id\": \"b\"}";

        var items = CaseFileReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text))).ToList();

        Assert.Equal([1, 4], items.Select(i => i.Line));
        Assert.All(items, i => Assert.Null(i.Error));
    }
}
