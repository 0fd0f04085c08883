using UjDatabase.Embedded;
using UjDatabase.Tests;

namespace UjDatabase.Embedded.Tests;

public class StoreFileTests
{
    [Fact]
    public async Task A_backup_taken_while_records_are_written_is_one_whole_moment_of_the_store()
    {
        using var test = new TestStore();
        await test.Store.UpsertAsync(Enumerable.Range(0, 200).Select(i => SampleCases.Valid($"before-{i}")).ToList());
        using var stop = new CancellationTokenSource();
        var written = 0;
        // The web app's part: writes in their own transactions, one after another, while the backup runs.
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await test.Store.UpsertAsync([SampleCases.Valid($"during-{written}")]);
                Interlocked.Increment(ref written);
            }
        });
        while (Volatile.Read(ref written) < 5)
        {
            await Task.Delay(10);
        }

        using var directory = new TempDirectory();
        var count = StoreFile.Backup(test.Database, directory.File("backup.sqlite"));
        await stop.CancelAsync();
        await writer;

        // Checked (integrity, schema), and a count between the moment it started and the end of the writes.
        Assert.Equal(count, StoreFile.Check(directory.File("backup.sqlite")));
        Assert.InRange(count, 205, 200 + Volatile.Read(ref written));
        Assert.False(File.Exists(directory.File("backup.sqlite") + ".partial"));
        Assert.False(File.Exists(directory.File("backup.sqlite") + "-wal"));
    }
}
