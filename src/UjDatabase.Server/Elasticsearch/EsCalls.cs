using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using Elastic.Transport.Products.Elasticsearch;
using Polly;
using UjDatabase.Core.Search;
using UjDatabase.Server.Resilience;

namespace UjDatabase.Server.Elasticsearch;

/// <summary>
/// How the adapter talks to Elasticsearch: one official client per process, and every call through the resilience
/// pipeline with an answer that is not a success turned into <see cref="SearchUnavailableException"/>.
/// </summary>
public static class EsCalls
{
    /// <summary>The alias searches and the sync go through; a reindex builds a new index and moves it.</summary>
    public const string Alias = "cases";

    /// <summary>
    /// The client for an address. Polly bounds each attempt and retries, so the transport's own timeout is only a
    /// backstop and it never retries by itself. <paramref name="invoker"/> is for tests (the client's in-memory one).
    /// </summary>
    public static ElasticsearchClient CreateClient(Uri address, IRequestInvoker? invoker = null, bool keepBodies = false)
    {
        ArgumentNullException.ThrowIfNull(address);
        var pool = new SingleNodePool(address);
        var settings = invoker is null ? new ElasticsearchClientSettings(pool) : new ElasticsearchClientSettings(pool, invoker);
        settings.RequestTimeout(TimeSpan.FromMinutes(5));
        if (!string.IsNullOrEmpty(address.UserInfo))
        {
            var parts = Uri.UnescapeDataString(address.UserInfo).Split(':', 2);
            settings.Authentication(new BasicAuthentication(parts[0], parts.Length > 1 ? parts[1] : string.Empty));
        }

        if (keepBodies)
        {
            // Keeps each request's and response's bytes in ApiCallDetails, which the golden tests read.
            settings.DisableDirectStreaming();
        }

        return new ElasticsearchClient(settings);
    }

    /// <summary>Runs one call through the pipeline; <paramref name="what"/> names it in the error a failure becomes.</summary>
    public static Task<T> CallAsync<T>(this ResiliencePipeline pipeline, IndexResilienceOptions options, string what, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
        where T : ElasticsearchResponse
    {
        ArgumentNullException.ThrowIfNull(call);
        return pipeline.RunAsync(async token => Checked(await InvokeAsync(call, what, token), what), options, cancellationToken);
    }

    /// <summary>
    /// Calls the client once. The transport wraps a cancelled call in its own exception; it is reported as cancelled
    /// again, so that Polly's timeout and the caller's token see what happened. Any other transport failure is the
    /// index being unavailable.
    /// </summary>
    public static async Task<T> InvokeAsync<T>(Func<CancellationToken, Task<T>> call, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call(cancellationToken);
        }
        catch (TransportException ex) when (ex.InnerException is OperationCanceledException || cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException($"Elasticsearch: {what} was cancelled.", ex, cancellationToken);
        }
        catch (TransportException ex)
        {
            throw new SearchUnavailableException($"Elasticsearch could not be reached ({what}): {ex.Message}", ex);
        }
    }

    /// <summary>The response when it is a success; else the error it stands for.</summary>
    public static T Checked<T>(T response, string what)
        where T : ElasticsearchResponse
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.IsValidResponse ? response : throw Failure(response, what);
    }

    /// <summary>
    /// A failed call as the adapter reports it: no status when Elasticsearch could not be reached (retried), its
    /// status and error otherwise (the pipeline retries 429 and 5xx, never another 4xx).
    /// </summary>
    public static SearchUnavailableException Failure(ElasticsearchResponse response, string what)
    {
        ArgumentNullException.ThrowIfNull(response);
        var details = response.ApiCallDetails;
        if (details.HttpStatusCode is not (> 0 and var status))
        {
            var cause = details.OriginalException?.InnerException ?? details.OriginalException;
            return cause is null
                ? new SearchUnavailableException($"Elasticsearch could not be reached ({what}).")
                : new SearchUnavailableException($"Elasticsearch could not be reached ({what}): {cause.Message}", cause);
        }

        var error = response.ElasticsearchServerError?.Error;
        var reason = error is null ? "no error was given" : $"{error.Type}: {error.Reason}";
        return new SearchUnavailableException($"Elasticsearch answered {what} with {status} ({Shorten(reason)}).") { Status = status };
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] : text;
}
