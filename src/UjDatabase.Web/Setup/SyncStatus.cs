using UjDatabase.Core.Storage;

namespace UjDatabase.Web.Setup;

/// <summary>What the index sync worker last saw, for the health check and the metrics; written by the worker only.</summary>
public sealed class SyncStatus
{
    private readonly Lock guard = new();
    private OutboxLag lag = new(0, null);
    private int failuresInARow;

    /// <summary>Failed passes since the last one that succeeded.</summary>
    public int FailuresInARow
    {
        get
        {
            lock (guard)
            {
                return failuresInARow;
            }
        }
    }

    /// <summary>The outbox's lag as the worker last read it.</summary>
    public OutboxLag Lag
    {
        get
        {
            lock (guard)
            {
                return lag;
            }
        }
    }

    public void Observed(OutboxLag current)
    {
        ArgumentNullException.ThrowIfNull(current);
        lock (guard)
        {
            lag = current;
        }
    }

    public void Succeeded()
    {
        lock (guard)
        {
            failuresInARow = 0;
        }
    }

    /// <summary>Counts a failed pass; returns how many failed in a row.</summary>
    public int Failed()
    {
        lock (guard)
        {
            return ++failuresInARow;
        }
    }
}
