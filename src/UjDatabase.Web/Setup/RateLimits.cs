using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using UjDatabase.Core.Languages;

namespace UjDatabase.Web.Setup;

/// <summary>Requests per minute and per client for each kind of work; set with UJDB_RATE_SEARCH, UJDB_RATE_EXPORT, UJDB_RATE_STATS, UJDB_RATE_SIGN_IN.</summary>
public sealed record RateLimitSettings(int SearchPerMinute, int ExportPerMinute, int StatisticsPerMinute, int SignInPerMinute)
{
    public static RateLimitSettings Resolve(Func<string, string?> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        int Read(string key, int fallback)
        {
            var text = lookup(key);
            if (string.IsNullOrWhiteSpace(text))
            {
                return fallback;
            }

            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
                ? value
                : throw new InvalidOperationException($"{key}='{text}' is not a number of requests per minute (a whole number of 1 or more).");
        }

        return new RateLimitSettings(Read("UJDB_RATE_SEARCH", 300), Read("UJDB_RATE_EXPORT", 20), Read("UJDB_RATE_STATS", 60), Read("UJDB_RATE_SIGN_IN", 10));
    }
}

/// <summary>
/// ASP.NET Core's rate limiter over the work that costs the most: searches (pages, API, feeds), exports and
/// statistics, each limited per client address in a one-minute window. Case pages, assets and /health are not limited.
/// A client over its limit gets 429 with Retry-After.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddUjDatabaseRateLimits(this IServiceCollection services, RateLimitSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                // Sign-in attempts are limited per address on top of each account's lockout, so that guessing across
                // many names is slow too.
                var (kind, limit) = HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/admin/sign-in", StringComparison.OrdinalIgnoreCase)
                    ? ("sign-in", settings.SignInPerMinute)
                    : Classify(context.Request.Path, settings);
                if (kind is null)
                {
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                }

                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter($"{kind}:{client}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            options.OnRejected = OnRejectedAsync;
        });
    }

    /// <summary>Which limit a path falls under, or none.</summary>
    public static (string? Kind, int Limit) Classify(PathString path, RateLimitSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (path.StartsWithSegments("/api/cases/export", StringComparison.OrdinalIgnoreCase))
        {
            return ("export", settings.ExportPerMinute);
        }

        // The map counts like a statistics table (a pass over the facts of every record of the search).
        if (path.StartsWithSegments("/api/stats", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/stats", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/map", StringComparison.OrdinalIgnoreCase))
        {
            return ("stats", settings.StatisticsPerMinute);
        }

        if (path == "/" || path.StartsWithSegments("/search", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/api/cases", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/api/names", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/feeds", StringComparison.OrdinalIgnoreCase))
        {
            return ("search", settings.SearchPerMinute);
        }

        return (null, 0);
    }

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var detail = Texts.T("Too many requests from your address for a moment. Please wait {0} seconds and try again.", seconds);
        if (ErrorResponses.WantsProblem(context))
        {
            await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: Texts.T("Too many requests."), detail: detail).ExecuteAsync(context);
            return;
        }

        await ErrorResponses.WritePageAsync(context, Texts.T("Too many requests"), detail, cancellationToken);
    }
}
