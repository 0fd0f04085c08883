namespace UjDatabase.Core.Storage;

/// <summary>Which pair of store and search index the application runs on.</summary>
public enum StorageProfile
{
    /// <summary>A SQLite store and a Lucene index, both in one data directory. Needs no server.</summary>
    Embedded,

    /// <summary>SQL Server store and Elasticsearch index.</summary>
    Server,
}

/// <summary>Where the data lives, read the same way by the web app and the CLI.</summary>
public sealed record StorageSettings(StorageProfile Profile, string DataDirectory)
{
    public const string DataDirectoryVariable = "UJDB_DATA_DIR";
    public const string ProfileVariable = "UJDB_PROFILE";
    public const string DefaultDataDirectory = "data";
    public const string EmbeddedFileName = "ujdb.sqlite";

    public const string EmbeddedIndexFolder = "index";

    /// <summary>The embedded database file inside the data directory.</summary>
    public string EmbeddedDatabasePath => Path.Combine(DataDirectory, EmbeddedFileName);

    /// <summary>The embedded search index, a folder beside the database file.</summary>
    public string EmbeddedIndexPath => Path.Combine(DataDirectory, EmbeddedIndexFolder);

    /// <summary>Reads <c>UJDB_PROFILE</c> (default Embedded) and <c>UJDB_DATA_DIR</c> (default <c>./data</c>) through <paramref name="lookup"/>.</summary>
    public static StorageSettings Resolve(Func<string, string?> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        var profileText = lookup(ProfileVariable);
        StorageProfile profile;
        if (string.IsNullOrWhiteSpace(profileText))
        {
            profile = StorageProfile.Embedded;
        }
        else if (!Enum.TryParse(profileText.Trim(), ignoreCase: true, out profile) || !Enum.IsDefined(profile))
        {
            throw new InvalidOperationException($"{ProfileVariable}='{profileText}' is not a profile; use Embedded or Server.");
        }

        var directory = lookup(DataDirectoryVariable);
        return new StorageSettings(profile, Path.GetFullPath(string.IsNullOrWhiteSpace(directory) ? DefaultDataDirectory : directory));
    }
}
