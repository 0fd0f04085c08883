using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UjDatabase.Web.Import;

namespace UjDatabase.Web.Pages.Admin.Import;

/// <summary>Import on the web, first step: upload a file (JSON array or JSON Lines), which is kept on the server for its report and confirmation.</summary>
// Before the anti-forgery check (order 1000), which reads the form.
[TypeFilter<ImportSizeLimit>(Order = 900)]
public sealed class IndexModel(ImportUploads uploads) : PageModel
{
    public long MaxBytes => uploads.MaxBytes;

    public string? Message { get; private set; }

    public void OnGet(bool too_large, bool cancelled)
    {
        uploads.RemoveExpired();
        Message = too_large ? TooLarge : cancelled ? "The upload was cancelled and deleted; nothing was imported." : null;
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        uploads.RemoveExpired();
        if (file is null || (file.Length == 0 && string.IsNullOrEmpty(file.FileName)))
        {
            Message = "Choose a file to import.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (file.Length > uploads.MaxBytes)
        {
            Message = TooLarge;
            Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Page();
        }

        await using var content = file.OpenReadStream();
        var upload = await uploads.SaveAsync(content, User.Identity!.Name!, file.FileName, cancellationToken);
        return Redirect($"/admin/import/{upload.Id}");
    }

    private string TooLarge => $"That file is larger than {Size(uploads.MaxBytes)}, the most an import on the web takes; nothing was uploaded. Split it, or import it with ujdb import.";

    /// <summary>A size in bytes as people read it (50 MB).</summary>
    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? $"{bytes / (1024.0 * 1024):0.#} MB"
        : bytes >= 1024 ? $"{bytes / 1024.0:0.#} KB" : $"{bytes} bytes";
}
