using Reconciler.Resources.Model;
using Reconciler.Store;

namespace Reconciler.Clients;

/// <summary>
/// How long a read-modify-write waits before trying again after a conflict. The store checks a write against writes
/// still being committed while a read sees only committed ones, so a retry right after meeting a write in flight (a
/// controller's status write) meets the same conflict until that write is durable: the first retry is at once (the
/// other write may be done), the next ones wait 1, 2, 4 … 128 ms. Wall-clock time, the disk's pace, never a caller's
/// <see cref="TimeProvider"/>: a fake clock would never let the retry come.
/// </summary>
public static class ConflictBackoff
{
    private const int VisibleAttempts = 10;

    /// <summary>
    /// Reads the object a create met (a put at revision 0 that conflicted): another writer made it, and a read sees it
    /// once that write is committed, so a read right away may still find nothing. Waits for it as retries do; null
    /// when it does not appear (it was deleted meanwhile).
    /// </summary>
    public static async Task<Resource?> ReadCreatedAsync(IResourceStore store, ResourceKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        for (var attempt = 0; ; attempt++)
        {
            var created = await store.GetAsync(key, cancellationToken).ConfigureAwait(false);
            if (created is not null || attempt == VisibleAttempts) return created;
            await DelayAsync(attempt + 1, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Waits before retry number <paramref name="attempt"/> + 1 (0 for the first retry).</summary>
    public static Task DelayAsync(int attempt, CancellationToken cancellationToken) =>
        attempt <= 0 ? Task.CompletedTask : Task.Delay(TimeSpan.FromMilliseconds(1 << Math.Min(attempt - 1, 7)), cancellationToken);
}
