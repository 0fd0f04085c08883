using System.Net;
using UjDatabase.Core.Languages;

namespace UjDatabase.Web.Setup;

/// <summary>How the site answers when it cannot serve a request: problem details for the API and feeds, a plain page otherwise.</summary>
public static class ErrorResponses
{
    /// <summary>Whether the request is for the API or a feed, which answer errors as RFC 7807 problem details.</summary>
    public static bool WantsProblem(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || context.Request.Path.StartsWithSegments("/feeds", StringComparison.OrdinalIgnoreCase)
            || context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A small page for errors raised before a Razor page can run (rate limits, an unavailable index).</summary>
    public static Task WritePageAsync(HttpContext context, string title, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{Texts.Current}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{WebUtility.HtmlEncode(title)} · UjDatabase</title><link rel="stylesheet" href="/css/site.css"></head>
            <body><header class="site"><a class="brand" href="{WebUtility.HtmlEncode(context.Request.PathBase.Value)}/">UjDatabase</a></header>
            <main id="main"><h1>{WebUtility.HtmlEncode(title)}</h1>
            <p>{WebUtility.HtmlEncode(message)}</p></main></body></html>
            """, cancellationToken);
    }
}
