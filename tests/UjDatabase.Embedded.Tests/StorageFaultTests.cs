using System.Diagnostics;
using Microsoft.Data.Sqlite;
using UjDatabase.Core.Storage;
using UjDatabase.Tests;

namespace UjDatabase.Embedded.Tests;

public class StorageFaultTests
{
    [Theory]
    [InlineData(13, "is full")]
    [InlineData(8, "cannot be opened for writing")]
    [InlineData(14, "cannot be opened for writing")]
    [InlineData(11, "Restore a backup")]
    public void A_storage_fault_names_the_store_and_what_to_do(int code, string says)
    {
        using var directory = new TempDirectory();
        var database = new SqliteDatabase(directory.File("ujdb.sqlite"));

        var explained = database.Explain(new SqliteException("SQLite said no", code));

        Assert.IsType<IOException>(explained);
        Assert.Contains(database.Path, explained.Message, StringComparison.Ordinal);
        Assert.Contains(says, explained.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task On_a_full_disk_an_import_is_rolled_back_whole_with_a_message_naming_the_store()
    {
        using var directory = new TempDirectory();
        var disk = directory.File("disk");
        Directory.CreateDirectory(disk);
        // A real full disk: a 1 MB file system, where the system lets this user mount one (root on Linux).
        Skip.IfNot(Run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", disk), "mounting a small tmpfs needs root; skipped");
        try
        {
            var profile = EmbeddedProfile.Create(new StorageSettings(StorageProfile.Embedded, Path.Combine(disk, "data")));
            using (profile.Parts)
            {
                await profile.Store.MigrateAsync();
                // Far more than a megabyte of records.
                var records = UjDatabase.Core.Synthetic.SyntheticCases.Generate(3000, 1).ToList();

                var error = await Assert.ThrowsAsync<IOException>(() => profile.Store.UpsertAsync(records));

                Assert.Contains("is full", error.Message, StringComparison.Ordinal);
                Assert.Contains(profile.Database.Path, error.Message, StringComparison.Ordinal);
                Assert.Equal(0, await profile.Store.CountAsync());
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Run("umount", "-l", disk);
        }
    }

    private static bool Run(string file, params string[] arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
