using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using UjDatabase.Core.Storage;

namespace UjDatabase.Web.Import;

/// <summary>An uploaded file waiting for its editor's confirmation: who sent it, its name, size and SHA-256, when, and what became of it.</summary>
public sealed record ImportUpload(string Id, string Owner, string FileName, long Bytes, string Sha256, DateTimeOffset UploadedAt, int? Imported = null, DateTimeOffset? ImportedAt = null);

/// <summary>
/// Files uploaded for an import, kept in <c>uploads/</c> under the data directory until their editor confirms or
/// cancels them, or they expire. The server keeps the very bytes the editor reviewed (with their SHA-256), so a
/// confirmation imports what was reviewed and nothing a client sends later. Each upload has a random id that names no
/// one and that only its owner can use; a confirmation claims the file by renaming it, so two confirmations of one
/// upload (a double click, a replay, two web nodes) import it once.
/// </summary>
public sealed partial class ImportUploads(StorageSettings storage, IConfiguration configuration, TimeProvider clock)
{
    public const string MaxBytesKey = "UJDB_IMPORT_MAX_BYTES";
    public const long DefaultMaxBytes = 50L * 1024 * 1024;

    /// <summary>How long an upload waits for its confirmation; an imported one stays as long, to answer a second confirmation.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromHours(2);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The largest file an import takes (<c>UJDB_IMPORT_MAX_BYTES</c>).</summary>
    public long MaxBytes { get; } = long.TryParse(configuration[MaxBytesKey], out var max) && max > 0 ? max : DefaultMaxBytes;

    private string Directory => Path.Combine(storage.DataDirectory, "uploads");

    /// <summary>Copies an upload into the uploads folder, hashing it on the way; the stream must already be within the size limit.</summary>
    public async Task<ImportUpload> SaveAsync(Stream content, string owner, string fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        System.IO.Directory.CreateDirectory(Directory);
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long bytes = 0;
        await using (var file = new FileStream(DataPath(id), FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                bytes += read;
            }
        }

        var upload = new ImportUpload(id, owner, Path.GetFileName(fileName), bytes, Convert.ToHexStringLower(sha.GetHashAndReset()), clock.GetUtcNow());
        await WriteAsync(upload, cancellationToken);
        return upload;
    }

    /// <summary>The upload with this id if it belongs to <paramref name="owner"/> and has not expired; anyone else's is as unknown as no upload.</summary>
    public async Task<ImportUpload?> FindAsync(string id, string owner, CancellationToken cancellationToken)
    {
        if (!UploadId().IsMatch(id) || !File.Exists(MetaPath(id)))
        {
            return null;
        }

        var upload = JsonSerializer.Deserialize<ImportUpload>(await File.ReadAllTextAsync(MetaPath(id), cancellationToken), Json);
        return upload is not null && upload.Owner == owner && !Expired(upload) ? upload : null;
    }

    /// <summary>The path of the uploaded bytes, for reading them (while no confirmation holds them).</summary>
    public string DataPath(string id) => Path.Combine(Directory, id + ".upload");

    /// <summary>
    /// Takes the file for one confirmation and checks that its bytes are still those uploaded: the path to import,
    /// or null when another confirmation holds it or it was imported already.
    /// </summary>
    /// <exception cref="InvalidDataException">The bytes changed since the upload; the file is deleted.</exception>
    public string? Claim(ImportUpload upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var claimed = ClaimedPath(upload.Id);
        try
        {
            File.Move(DataPath(upload.Id), claimed);
        }
        catch (FileNotFoundException)
        {
            return null;
        }

        // The clean-up goes by the file's time: a claimed file is fresh, however long it waited for its confirmation.
        File.SetLastWriteTimeUtc(claimed, DateTime.UtcNow);

        bool same;
        using (var file = File.OpenRead(claimed))
        {
            same = Convert.ToHexStringLower(SHA256.HashData(file)) == upload.Sha256;
        }

        if (!same)
        {
            // Not the file the editor reviewed: it is never imported, and never reviewed again either.
            File.Delete(claimed);
            throw new InvalidDataException($"Upload {upload.Id} changed on disk after it was uploaded; it is not imported.");
        }

        return claimed;
    }

    /// <summary>Gives back a claimed file whose confirmation was refused, for the editor to review again.</summary>
    public void Release(ImportUpload upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        File.Move(ClaimedPath(upload.Id), DataPath(upload.Id));
    }

    /// <summary>Records the import and drops the bytes; the record answers a second confirmation until it expires.</summary>
    public async Task DoneAsync(ImportUpload upload, int imported, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        await WriteAsync(upload with { Imported = imported, ImportedAt = clock.GetUtcNow() }, cancellationToken);
        File.Delete(ClaimedPath(upload.Id));
    }

    /// <summary>Forgets an upload that is not to be imported.</summary>
    public void Delete(ImportUpload upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        File.Delete(DataPath(upload.Id));
        File.Delete(MetaPath(upload.Id));
    }

    /// <summary>Deletes every upload past its expiry (and what a crash left half-written).</summary>
    public void RemoveExpired()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return;
        }

        var before = (clock.GetUtcNow() - Expiry).UtcDateTime;
        foreach (var path in System.IO.Directory.EnumerateFiles(Directory))
        {
            // The file's own time: an upload whose metadata cannot be read (a crash between the two writes) goes too.
            if (File.GetLastWriteTimeUtc(path) < before)
            {
                File.Delete(path);
            }
        }
    }

    private bool Expired(ImportUpload upload) => clock.GetUtcNow() - (upload.ImportedAt ?? upload.UploadedAt) > Expiry;

    private async Task WriteAsync(ImportUpload upload, CancellationToken cancellationToken)
    {
        // Written beside and renamed, so that a reader never sees half of it.
        var temporary = MetaPath(upload.Id) + ".tmp";
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(upload, Json), cancellationToken);
        File.Move(temporary, MetaPath(upload.Id), overwrite: true);
    }

    private string MetaPath(string id) => Path.Combine(Directory, id + ".json");

    private string ClaimedPath(string id) => Path.Combine(Directory, id + ".importing");

    [GeneratedRegex("^[0-9a-f]{64}$", RegexOptions.CultureInvariant)]
    private static partial Regex UploadId();
}
