using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace UjDatabase.Web.Pages;

/// <summary>The page shown for errors and unknown addresses; it never shows a stack trace.</summary>
// A failed form post is re-executed here as a post: it must get this page too, whatever its token.
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; } = 500;

    public string? RequestId { get; private set; }

    public void OnGet(int? code)
    {
        // Without a code in the address this is the exception handler's re-execution; a bad request (a form that
        // cannot be read, a body over its limit) has already set its 4xx status.
        Code = code ?? (Response.StatusCode is >= 400 and < 500 ? Response.StatusCode : 500);
        RequestId = HttpContext.TraceIdentifier;
    }

    public void OnPost(int? code) => OnGet(code);
}
