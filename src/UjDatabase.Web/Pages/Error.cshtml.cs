using Microsoft.AspNetCore.Mvc.RazorPages;

namespace UjDatabase.Web.Pages;

/// <summary>The page shown instead of an unhandled error; it never shows a stack trace.</summary>
public sealed class ErrorModel : PageModel
{
    public string? RequestId { get; private set; }

    public void OnGet() => RequestId = HttpContext.TraceIdentifier;
}
