using System.Globalization;
using UjDatabase.Core.Search;

namespace UjDatabase.Web.Setup;

/// <summary>
/// When the search index cannot answer, search pages and the API answer 503 with Retry-After and a clear message
/// instead of an error page; case pages read the store and are not affected.
/// </summary>
public sealed class SearchUnavailableHandling(RequestDelegate next, ILogger<SearchUnavailableHandling> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await next(context);
        }
        catch (SearchUnavailableException ex) when (!context.Response.HasStarted)
        {
            logger.LogWarning(ex, "The search index is unavailable.");
            var retryAfter = (int)Math.Ceiling((ex.RetryAfter ?? TimeSpan.FromSeconds(30)).TotalSeconds);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            var message = $"Search is unavailable for a moment. Case pages still work; please try the search again in about {retryAfter} seconds.";
            if (ErrorResponses.WantsProblem(context))
            {
                await Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Search is unavailable.", detail: message).ExecuteAsync(context);
                return;
            }

            await ErrorResponses.WritePageAsync(context, "Search is unavailable for a moment", message, context.RequestAborted);
        }
    }
}
