using Reconciler.Clients;
using Reconciler.Host.Api.Errors;
using Reconciler.Resources.Model;
using Reconciler.Store;

namespace Reconciler.Host.Api.Resources;

/// <summary>
/// Writes to objects that controllers write at the same time (a node's status on every heartbeat, a job's summary on
/// every allocation change): on a conflict, back off a little, read again and write again, a bounded number of times.
/// Paced by <see cref="ConflictBackoff"/>, as every read-modify-write loop is.
/// </summary>
public static class SpecChange
{
    private const int ConflictRetries = 10;

    /// <summary>Writes <paramref name="change"/> of <paramref name="current"/> at the revision it was read at; returns the stored object.</summary>
    public static Task<T> ApplyAsync<T>(ResourceClient client, T current, Func<T, T> change, CancellationToken cancellationToken) where T : Resource =>
        RetryAsync(current.Key, async () =>
        {
            var read = await client.GetAsync<T>(current.Key, cancellationToken) ?? throw ApiException.NotFound($"{current.Key} was deleted while it was being changed.");
            return await client.ApplyAsync(change(read), read.Metadata.ResourceVersion, cancellationToken);
        }, cancellationToken);

    /// <summary>Runs <paramref name="write"/>, again after a short backoff when it meets a conflict.</summary>
    public static async Task<T> RetryAsync<T>(ResourceKey key, Func<Task<T>> write, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await write();
            }
            catch (ConflictException e) when (attempt >= ConflictRetries)
            {
                throw ApiException.Conflict($"{key} kept changing while it was being changed ({attempt + 1} attempts; {e.Message}); try again.");
            }
            catch (ConflictException)
            {
                await ConflictBackoff.DelayAsync(attempt, cancellationToken);
            }
        }
    }
}
