namespace UjDatabase.Web.Setup;

/// <summary>
/// Headers that tell browsers what the site may do: scripts only from the site itself (no inline scripts), no framing,
/// no MIME sniffing, no referrer sent to the sources a reader follows, no access to cameras or location.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    // Inline styles stay allowed: the facet year bars set their width inline. Images may be data: URLs, which the
    // chart's PNG download draws through.
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}

/// <summary>
/// Only the methods a resource answers reach it: GET and HEAD everywhere (HEAD answers like GET without a body), POST
/// in the editors' area, and anything else gets 405 with the Allow header, instead of running a page that has no
/// handler for it.
/// </summary>
public sealed class MethodRestriction(RequestDelegate next)
{
    private static readonly string[] Allowed = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>The editors' area also takes form posts (each checked for its anti-forgery token).</summary>
    private static readonly string[] AllowedForEditors = [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post];

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var allowed = context.Request.Path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase) ? AllowedForEditors : Allowed;
        if (allowed.Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        context.Response.Headers.Allow = string.Join(", ", allowed);
        return Task.CompletedTask;
    }
}
