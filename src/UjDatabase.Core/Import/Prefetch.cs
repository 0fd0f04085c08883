using System.Collections.Concurrent;

namespace UjDatabase.Core.Import;

/// <summary>Runs a sequence's production on another thread, a bounded number of items ahead of its consumer.</summary>
public static class Prefetch
{
    /// <summary>
    /// The items of <paramref name="source"/>, produced on a thread-pool thread while the caller consumes them (an
    /// import decodes records on one core while the store writes them on the other). An exception in the producer is
    /// thrown to the consumer; a consumer that stops early stops the producer.
    /// </summary>
    public static IEnumerable<T> Ahead<T>(IEnumerable<T> source, int capacity)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var buffer = new BlockingCollection<T>(capacity);
        using var stop = new CancellationTokenSource();
        Exception? failure = null;
        var producer = Task.Run(() =>
        {
            try
            {
                foreach (var item in source)
                {
                    buffer.Add(item, stop.Token);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                failure = ex;
            }
            finally
            {
                buffer.CompleteAdding();
            }
        });

        try
        {
            foreach (var item in buffer.GetConsumingEnumerable())
            {
                yield return item;
            }

            producer.Wait();
            if (failure is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            }
        }
        finally
        {
            stop.Cancel();
            producer.Wait();
        }
    }
}
