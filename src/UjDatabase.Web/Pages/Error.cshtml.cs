using Microsoft.AspNetCore.Mvc.RazorPages;

namespace UjDatabase.Web.Pages;

/// <summary>The page shown for errors and unknown addresses; it never shows a stack trace.</summary>
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; } = 500;

    public string? RequestId { get; private set; }

    public void OnGet(int? code)
    {
        Code = code ?? 500;
        RequestId = HttpContext.TraceIdentifier;
    }
}
