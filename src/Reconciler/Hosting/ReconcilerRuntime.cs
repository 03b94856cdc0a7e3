using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

using Reconciler.Controllers;
using Reconciler.Informers;
using Reconciler.LeaderElection;
using Reconciler.Queue;
using Reconciler.Store;

namespace Reconciler.Hosting;

/// <summary>
/// Everything long-running of one embedded runtime: the informer, the controllers and the leader-only work.
/// Starts them in order (subscribe, list, work), stops them in reverse, letting in-flight reconciles finish
/// within <see cref="ReconcilerOptions.ShutdownTimeout"/>, and can tell when it has nothing left to do.
/// </summary>
public sealed class ReconcilerRuntime(
    IResourceStore store,
    ResourceInformer informer,
    IEnumerable<IController> controllers,
    IEnumerable<ILeaderWork> leaderWork,
    ILeaderElection election,
    ReconcilerOptions options,
    ActivitySignal activity,
    TimeProvider time,
    ILogger<ReconcilerRuntime>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<ReconcilerRuntime>.Instance;
    private readonly ILeaderWork[] _leaderWork = [.. leaderWork];
    private readonly CancellationTokenSource _stopping = new();
    private Task _leading = Task.CompletedTask;

    /// <summary>The controllers this runtime runs.</summary>
    public IReadOnlyList<IController> Controllers { get; } = [.. controllers];

    /// <summary>The informer feeding the controllers and its read cache.</summary>
    public ResourceInformer Informer => informer;

    /// <summary>True while this process leads and its leader work runs.</summary>
    public bool IsLeader { get; private set; }

    /// <summary>
    /// True when the informer has seen every store revision and no controller has a key ready or in flight.
    /// Keys waiting for a delay or a backoff do not count; see <see cref="NextDelayedAt"/>.
    /// </summary>
    public bool IsIdle => informer.ObservedRevision >= store.Revision && Controllers.All(c => c.Queue.IsIdle);

    /// <summary>The moment the earliest delayed or backed-off key of any controller becomes ready, or null.</summary>
    public DateTimeOffset? NextDelayedAt => Controllers.Select(c => c.Queue.NextDelayedAt).Where(d => d is not null).Min();

    /// <summary>Subscribes the controllers, lists every kind, starts the workers and then the leader work.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var controller in Controllers) controller.Attach();
        await informer.StartAsync(cancellationToken).ConfigureAwait(false);
        foreach (var controller in Controllers) await controller.StartAsync(cancellationToken).ConfigureAwait(false);
        _leading = Task.Run(() => LeadAsync(_stopping.Token), CancellationToken.None);
    }

    /// <summary>
    /// Stops leader work, stops handing out keys, waits for in-flight reconciles (cancelling them after the
    /// shutdown timeout or when <paramref name="cancellationToken"/> fires), then stops the informer.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _leading.ConfigureAwait(false);
        using var deadline = new CancellationTokenSource(options.ShutdownTimeout, time);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        await Task.WhenAll(Controllers.Select(c => c.StopAsync(stop.Token))).ConfigureAwait(false);
        await informer.StopAsync().ConfigureAwait(false);
    }

    /// <summary>Completes once <see cref="IsIdle"/> holds, awaiting changes rather than polling.</summary>
    public Task WaitForIdleAsync(CancellationToken cancellationToken) => WaitUntilAsync(() => IsIdle, cancellationToken);

    /// <summary>Completes once the informer's cache reflects every store revision written so far.</summary>
    public Task WaitForCacheSyncAsync(CancellationToken cancellationToken)
    {
        var revision = store.Revision;
        return WaitUntilAsync(() => informer.ObservedRevision >= revision, cancellationToken);
    }

    private async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (true)
        {
            var changed = activity.NextChange;
            if (condition()) return;
            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task LeadAsync(CancellationToken stopping)
    {
        if (_leaderWork.Length == 0) return;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var lost = await election.AcquireAsync(stopping).ConfigureAwait(false);
                using var leading = CancellationTokenSource.CreateLinkedTokenSource(stopping, lost);
                IsLeader = true;
                _logger.LogInformation("Leading: starting {Count} leader-only tasks.", _leaderWork.Length);
                await Task.WhenAll(_leaderWork.Select(w => RunLeaderWorkAsync(w, leading.Token))).ConfigureAwait(false);
                await Task.Delay(Timeout.Infinite, leading.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Leadership lost or shutting down: the loop decides which.
            }
            finally
            {
                IsLeader = false;
            }
        }
    }

    private async Task RunLeaderWorkAsync(ILeaderWork work, CancellationToken cancellationToken)
    {
        try
        {
            await work.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception error)
        {
            _logger.LogError(error, "Leader work {Work} failed.", work.GetType().Name);
        }
    }
}
