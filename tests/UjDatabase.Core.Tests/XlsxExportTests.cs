using System.IO.Compression;
using UjDatabase.Core.Export;

namespace UjDatabase.Core.Tests;

/// <summary>The streaming XLSX writer with rows that arrive asynchronously.</summary>
public class XlsxExportTests
{
    [Fact]
    public async Task A_sheet_waiting_for_its_next_row_holds_no_thread_and_writes_every_row_once_they_come()
    {
        var gate = new TaskCompletionSource();
        async IAsyncEnumerable<IReadOnlyList<object?>> Rows()
        {
            yield return ["first"];
            await gate.Task;
            yield return ["second"];
        }

        using var output = new MemoryStream();
        using (var xlsx = new XlsxExport(output))
        {
            // Started on another thread and bounded, so that a writer that blocked would fail here instead of hanging.
            var started = Task.Factory.StartNew(() => xlsx.AddSheetAsync("Rows", ["value"], Rows()), CancellationToken.None, TaskCreationOptions.None, TaskScheduler.Default);
            Assert.Same(started, await Task.WhenAny(started, Task.Delay(TimeSpan.FromSeconds(10))));
            var writing = await started;
            Assert.False(writing.IsCompleted);

            gate.SetResult();
            await writing;
        }

        using var zip = new ZipArchive(new MemoryStream(output.ToArray()), ZipArchiveMode.Read);
        var sheet = zip.Entries.Single(e => e.FullName.Contains("worksheets/sheet", StringComparison.Ordinal));
        using var reader = new StreamReader(sheet.Open());
        var xml = await reader.ReadToEndAsync();
        Assert.Contains(">first<", xml, StringComparison.Ordinal);
        Assert.Contains(">second<", xml, StringComparison.Ordinal);
    }
}
