namespace UjDatabase.Web.Setup;

/// <summary>What the index sync worker last saw, for the health check and the metrics; written by the worker only.</summary>
public sealed class SyncStatus
{
    private readonly Lock guard = new();
    private long pending;
    private DateTimeOffset? oldestPending;
    private long deadLetters;
    private string? lastError;
    private int failuresInARow;

    public void Observed(UjDatabase.Core.Storage.OutboxLag lag)
    {
        ArgumentNullException.ThrowIfNull(lag);
        lock (guard)
        {
            pending = lag.Pending;
            oldestPending = lag.OldestPending;
            deadLetters = lag.DeadLetters;
        }
    }

    public void Succeeded()
    {
        lock (guard)
        {
            failuresInARow = 0;
            lastError = null;
        }
    }

    public void Failed(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        lock (guard)
        {
            failuresInARow++;
            lastError = $"{error.GetType().Name}: {error.Message}";
        }
    }

    public (long Pending, DateTimeOffset? OldestPending, long DeadLetters, int FailuresInARow, string? LastError) Snapshot()
    {
        lock (guard)
        {
            return (pending, oldestPending, deadLetters, failuresInARow, lastError);
        }
    }
}
