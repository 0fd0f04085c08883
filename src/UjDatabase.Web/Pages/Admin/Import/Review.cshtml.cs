using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UjDatabase.Core.Editing;
using UjDatabase.Core.Import;
using UjDatabase.Core.Storage;
using UjDatabase.Web.Import;

namespace UjDatabase.Web.Pages.Admin.Import;

/// <summary>
/// Import on the web, second step: the report of an uploaded file (its problems, or what it would change), and the
/// confirmation, which checks the file again against the store as it is then and imports it all or nothing only if
/// the report is still the one the editor read.
/// </summary>
[RequestSizeLimit(16 * 1024)]
public sealed class ReviewModel(ImportUploads uploads, ICaseStore store, TimeProvider clock) : PageModel
{
    /// <summary>How many records of each list the page shows; the counts cover them all, and the problems download lists every one.</summary>
    public const int Shown = 500;

    public ImportUpload Upload { get; private set; } = null!;

    public ImportPreview? Preview { get; private set; }

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (await uploads.FindAsync(id, User.Identity!.Name!, cancellationToken) is not { } upload)
        {
            return NotFound();
        }

        Upload = upload;
        if (upload.Imported is null)
        {
            Preview = await PreviewAsync(uploads.DataPath(upload.Id), cancellationToken);
        }

        return Page();
    }

    /// <summary>Every problem as a text file, in the very lines <c>ujdb validate</c> prints.</summary>
    public async Task<IActionResult> OnGetProblemsAsync(string id, CancellationToken cancellationToken)
    {
        if (await uploads.FindAsync(id, User.Identity!.Name!, cancellationToken) is not { Imported: null } upload)
        {
            return NotFound();
        }

        Upload = upload;
        var preview = await PreviewAsync(uploads.DataPath(upload.Id), cancellationToken);
        using var text = new StringWriter();
        await ImportReporting.PrintProblemsAsync(preview.Validation, text);
        return File(System.Text.Encoding.UTF8.GetBytes(text.ToString()), "text/plain; charset=utf-8", "import-problems.txt");
    }

    public async Task<IActionResult> OnPostConfirmAsync(string id, string? reviewed, CancellationToken cancellationToken)
    {
        if (await uploads.FindAsync(id, User.Identity!.Name!, cancellationToken) is not { } upload)
        {
            return NotFound();
        }

        Upload = upload;
        string? path;
        try
        {
            path = upload.Imported is null ? uploads.Claim(upload) : null;
        }
        catch (InvalidDataException)
        {
            Notice = "The uploaded file changed on the server after it was checked, so it was not imported and has been deleted. Upload it again.";
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        if (path is null)
        {
            // A second confirmation (a double click, a replay): the first one imports, this one does nothing.
            Notice = upload.Imported is null
                ? "This file is being imported by another confirmation; nothing more was done. Reload this page in a moment."
                : "This file was imported already; nothing more was done.";
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        // Once the claim is taken, the file is imported, or released for another review: never left claimed.
        var imported = false;
        try
        {
            var preview = await PreviewAsync(path, CancellationToken.None);
            if (!preview.Validation.Accepted || preview.Fingerprint != reviewed)
            {
                Preview = preview;
                Notice = "The records in the store changed since you read the report (or the checks now find problems), so nothing was imported. This is the report as it is now: read it again before you confirm.";
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            }

            // The import runs to its end even if the browser goes away: stopping it half-way would roll it all back.
            var result = await new CaseImporter(store).ImportAsync([path], new RevisionStamp(User.Identity!.Name!, RevisionActions.Import, clock.GetUtcNow()), CancellationToken.None);
            if (!result.Accepted)
            {
                Preview = preview with { Validation = result };
                Notice = "The checks found problems when importing; nothing was imported.";
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            }

            await uploads.DoneAsync(upload, result.Written, CancellationToken.None);
            imported = true;
            return Redirect($"/admin/import/{upload.Id}");
        }
        finally
        {
            if (!imported)
            {
                uploads.Release(upload);
            }
        }
    }

    public async Task<IActionResult> OnPostCancelAsync(string id, CancellationToken cancellationToken)
    {
        if (await uploads.FindAsync(id, User.Identity!.Name!, cancellationToken) is { Imported: null } upload)
        {
            uploads.Delete(upload);
        }

        return Redirect("/admin/import?cancelled=true");
    }

    /// <summary>The report, with the upload's own name where <c>ujdb</c> would print the file's path.</summary>
    private async Task<ImportPreview> PreviewAsync(string path, CancellationToken cancellationToken)
    {
        var preview = await new CaseImporter(store).PreviewAsync([path], cancellationToken);
        return preview with { Validation = preview.Validation with { Files = [.. preview.Validation.Files.Select(f => f with { File = Upload?.FileName ?? f.File })] } };
    }
}
