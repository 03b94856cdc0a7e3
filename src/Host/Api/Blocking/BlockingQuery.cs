using System.Globalization;
using Reconciler.Host.Api.Errors;
using Reconciler.Resources.Model;
using Reconciler.Store;

namespace Reconciler.Host.Api.Blocking;

/// <summary>
/// Nomad's blocking queries: a read with <c>?index=N</c> is answered once the store revision passes N, or when
/// <c>wait</c> (default 5m, capped at <see cref="ApiOptions.MaxBlockingWait"/>) runs out, whichever is first. The wait
/// follows the store's watch, so it wakes on the write itself rather than by polling.
/// </summary>
public sealed class BlockingQuery(IResourceStore store, ApiOptions options, TimeProvider time)
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromMinutes(5);

    /// <summary>Waits as the request's <c>index</c> and <c>wait</c> parameters ask; returns at once without <c>index</c>.</summary>
    public async Task WaitAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!TryReadIndex(request, out var index)) return;
        var wait = ReadWait(request);
        if (store.Revision > index) return;

        using var deadline = new CancellationTokenSource(wait, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        try
        {
            await foreach (var change in store.WatchAsync(new WatchQuery(), Math.Min(index, store.Revision), linked.Token))
                if (change.Revision > index) return;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // The wait ran out: answer with what there is, as Nomad does.
        }
        catch (CompactedException)
        {
            // Revisions after the index were compacted, so the store has long passed it.
        }
    }

    /// <summary>Reads <c>?index=N</c> as a revision; a malformed one is a 400.</summary>
    public static bool TryReadIndex(HttpRequest request, out long index)
    {
        index = 0;
        var text = request.Query["index"].ToString();
        if (text.Length == 0) return false;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out index)) return true;
        throw ApiException.BadRequest($"index '{text}' is not a revision; pass a whole number, e.g. ?index=42.");
    }

    private TimeSpan ReadWait(HttpRequest request)
    {
        var text = request.Query["wait"].ToString();
        if (text.Length == 0) return Min(DefaultWait, options.MaxBlockingWait);
        if (!Duration.TryParse(text, out var wait) || wait < TimeSpan.Zero)
            throw ApiException.BadRequest($"wait '{text}' is not a duration; pass e.g. ?wait=30s or ?wait=5m.");
        return Min(wait, options.MaxBlockingWait);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
