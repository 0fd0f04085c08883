using System.Globalization;
using UjDatabase.Core.Search;
using UjDatabase.Core.Storage;
using UjDatabase.Core.Languages;

namespace UjDatabase.Web.Setup;

/// <summary>
/// When the search index or the store cannot answer, pages and the API answer 503 with Retry-After and a clear
/// message instead of an error page. Without the index, case pages still work from the store.
/// </summary>
public sealed class UnavailableHandling(RequestDelegate next, ILogger<UnavailableHandling> logger)
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
            var retryAfter = Seconds(ex.RetryAfter ?? TimeSpan.FromSeconds(30));
            await AnswerAsync(
                context,
                retryAfter,
                Texts.T("Search is unavailable."),
                Texts.T("Search is unavailable for a moment. Case pages still work; please try the search again in about {0} seconds.", retryAfter));
        }
        catch (StoreUnavailableException ex) when (!context.Response.HasStarted)
        {
            // The operator reads the cause (with the setting to check) in the log; readers get no server details.
            logger.LogError(ex, "The case store is unavailable.");
            await AnswerAsync(
                context,
                Seconds(TimeSpan.FromSeconds(30)),
                Texts.T("The database is unavailable."),
                Texts.T("The database cannot be reached for a moment. Please try again in about 30 seconds."));
        }
    }

    private static int Seconds(TimeSpan wait) => (int)Math.Ceiling(wait.TotalSeconds);

    private static async Task AnswerAsync(HttpContext context, int retryAfter, string title, string message)
    {
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        if (ErrorResponses.WantsProblem(context))
        {
            await Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: title, detail: message).ExecuteAsync(context);
            return;
        }

        await ErrorResponses.WritePageAsync(context, title.TrimEnd('.') + " for a moment", message, context.RequestAborted);
    }
}
