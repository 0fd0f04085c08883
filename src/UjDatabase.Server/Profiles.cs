using UjDatabase.Core.Storage;
using UjDatabase.Embedded;

namespace UjDatabase.Server;

/// <summary>Builds the parts of the configured profile: the one switch between embedded and server.</summary>
public static class Profiles
{
    public static StorageParts Create(StorageSettings settings, Func<string, string?> lookup) =>
        (settings ?? throw new ArgumentNullException(nameof(settings))).Profile switch
        {
            StorageProfile.Server => ServerProfile.Create(ServerSettings.Resolve(lookup)),
            _ => EmbeddedProfile.Create(settings).Parts,
        };
}
