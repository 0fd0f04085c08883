namespace UjDatabase.Tests;

/// <summary>Paths in the repository and throw-away directories for tests.</summary>
internal static class TestFiles
{
    /// <summary>The repository root, found by walking up from the test binaries to UjDatabase.sln.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string SeedDirectory => Path.Combine(RepoRoot, "seed-data");

    public static IReadOnlyList<string> SeedFiles =>
        Directory.GetFiles(SeedDirectory, "*.json").Order(StringComparer.Ordinal).ToList();

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "UjDatabase.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("UjDatabase.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A new empty directory under the system temp folder, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ujdb-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a pooled connection on another thread: the OS temp cleaner gets it later.
        }
    }
}
