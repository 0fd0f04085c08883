using UjDatabase.Core.Storage;

namespace UjDatabase.Embedded;

/// <summary>Builds the embedded profile's parts from the storage settings.</summary>
public static class EmbeddedProfile
{
    public static SqliteCaseStore CreateStore(StorageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Profile != StorageProfile.Embedded)
        {
            // The server profile (SQL Server + Elasticsearch) is built in its own issue; until then say so plainly.
            throw new NotSupportedException($"{StorageSettings.ProfileVariable}={settings.Profile}: the server profile is not available in this build; use Embedded.");
        }

        return new SqliteCaseStore(new SqliteDatabase(settings.EmbeddedDatabasePath));
    }
}
