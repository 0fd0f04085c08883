using UjDatabase.Core.Search;
using UjDatabase.Core.Storage;

namespace UjDatabase.Web.Setup;

/// <summary>The answer of /health/live: the process answers.</summary>
public sealed record HealthStatus(string Status);

/// <summary>The answer of /health/ready: the store, the index, the outbox's lag and the sync.</summary>
public sealed record ReadinessReport(string Status, string Store, string Index, long? OutboxPending, double? OldestPendingSeconds, long? DeadLetters, int SyncFailuresInARow);

/// <summary>
/// Liveness (<c>/health/live</c>: the process answers) and readiness (<c>/health/ready</c>, and <c>/health</c>): 503
/// when the store cannot be reached; "degraded" (200) when the index is down, the sync keeps failing or changes the
/// index refused wait aside (dead letters), because case pages still work; the outbox's lag in every case. Details of
/// a failure go to the log, not to the answer.
/// </summary>
public static class Health
{
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public static void MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGetAndHead("/health/live", () => TypedResults.Ok(new HealthStatus("ok")))
            .WithName("Liveness").WithSummary("Whether the process answers");
        endpoints.MapGetAndHead("/health/ready", ReadyAsync)
            .WithName("Readiness").WithSummary("Whether the app can serve: store, index, outbox lag and sync")
            .Produces<ReadinessReport>(StatusCodes.Status200OK).Produces<ReadinessReport>(StatusCodes.Status503ServiceUnavailable);
        endpoints.MapGetAndHead("/health", ReadyAsync)
            .WithName("Health").WithSummary("The same as /health/ready")
            .Produces<ReadinessReport>(StatusCodes.Status200OK).Produces<ReadinessReport>(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<IResult> ReadyAsync(StorageParts parts, ISearchEngine engine, SyncStatus sync, TimeProvider clock, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var logger = logs.CreateLogger(typeof(Health));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CheckTimeout);
        OutboxLag? lag = null;
        var store = "ok";
        try
        {
            lag = await parts.Source.LagAsync(timeout.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            logger.LogError(ex, "Readiness: the store cannot be reached.");
            store = "unavailable";
        }

        var index = "ok";
        try
        {
            await engine.CountAsync(CaseQuery.Empty, timeout.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is SearchUnavailableException or OperationCanceledException or StoreUnavailableException)
        {
            logger.LogWarning(ex, "Readiness: the search index cannot answer.");
            index = "unavailable";
        }

        var failures = sync.FailuresInARow;
        var status = store != "ok" ? "unavailable" : index != "ok" || failures > 0 || lag?.DeadLetters > 0 ? "degraded" : "ok";
        var age = lag?.OldestPending is { } oldest ? Math.Max(0, Math.Round((clock.GetUtcNow() - oldest).TotalSeconds, 1)) : (double?)null;
        var report = new ReadinessReport(status, store, index, lag?.Pending, age, lag?.DeadLetters, failures);
        return store == "ok" ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
