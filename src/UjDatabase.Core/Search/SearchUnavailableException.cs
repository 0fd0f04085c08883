namespace UjDatabase.Core.Search;

/// <summary>
/// The search index cannot answer now (down, overloaded, or its circuit breaker is open). Pages and the API answer
/// 503 with Retry-After; case pages, the store and editing do not depend on the index and keep working.
/// </summary>
public sealed class SearchUnavailableException : Exception
{
    public SearchUnavailableException()
    {
    }

    public SearchUnavailableException(string message)
        : base(message)
    {
    }

    public SearchUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>The HTTP status the index answered with, when it answered at all.</summary>
    public int? Status { get; init; }

    /// <summary>How long to wait before trying again, when known (for example while a circuit breaker is open).</summary>
    public TimeSpan? RetryAfter { get; init; }
}
