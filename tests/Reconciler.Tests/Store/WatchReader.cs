using Reconciler.Store;

namespace Reconciler.Tests.Store;

/// <summary>Reads watches in tests without ever hanging the run.</summary>
public static class WatchReader
{
    /// <summary>A token that ends a test stuck waiting for an event that never comes, instead of hanging the run.</summary>
    public static CancellationToken Deadline() => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    /// <summary>Reads the next <paramref name="count"/> events of a watch.</summary>
    public static async Task<List<WatchEvent>> TakeAsync(IAsyncEnumerable<WatchEvent> watch, int count)
    {
        var events = new List<WatchEvent>();
        if (count == 0) return events;
        await foreach (var e in watch.WithCancellation(Deadline()))
        {
            events.Add(e);
            if (events.Count == count) break;
        }
        return events;
    }
}
