using Microsoft.Extensions.DependencyInjection;
using Reconciler.Resources.Kinds;
using Reconciler.Store;

namespace Reconciler.Host.Tests.Fixtures;

/// <summary>
/// Follows one job's allocations and deployments through the store's watch, so every committed revision is seen (not
/// a poll that could miss a moment), and records the most allocations that were ever being replaced at once: the
/// group's count minus the old-version allocations still desired to run and the new-version ones already healthy.
/// </summary>
internal sealed class RolloutObserver : IAsyncDisposable
{
    private readonly Dictionary<string, Allocation> _allocations = [];
    private readonly Dictionary<string, Deployment> _deployments = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly string _job;
    private readonly Task _watching;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private (long Version, int Count)? _rollout;

    private RolloutObserver(IResourceStore store, string job)
    {
        _job = job;
        _watching = Task.Run(() => WatchAsync(store, store.Revision));
    }

    /// <summary>The most allocations of the rollout <see cref="Measure"/> names that were being replaced at one revision.</summary>
    public int MostBeingReplaced { get; private set; }

    /// <summary>The most new-version allocations desired to run but not yet healthy at one revision.</summary>
    public int MostInFlight { get; private set; }

    /// <summary>Starts watching <paramref name="job"/> in the default namespace from the store's current revision.</summary>
    public static RolloutObserver Start(IServiceProvider services, string job) => new(services.GetRequiredService<IResourceStore>(), job);

    /// <summary>From now on, measures the rollout to <paramref name="version"/> of a group of <paramref name="count"/>.</summary>
    public void Measure(long version, int count)
    {
        lock (_allocations) _rollout = (version, count);
    }

    /// <summary>The job's allocations desired to run that their client runs, as last seen (a failed one that was replaced stays desired to run, as in Nomad).</summary>
    public IReadOnlyList<Allocation> Running()
    {
        lock (_allocations)
            return [.. _allocations.Values.Where(a => a.Spec.DesiredStatus == AllocationDesiredStatus.Run && a.Status.ClientStatus == AllocationClientStatus.Running)];
    }

    /// <summary>Waits until the deployment of <paramref name="version"/> satisfies <paramref name="done"/>; fails after <paramref name="within"/>.</summary>
    public async Task<Deployment> AwaitDeploymentAsync(long version, Func<Deployment, bool> done, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        while (true)
        {
            Task changed;
            lock (_allocations)
            {
                if (_deployments.GetValueOrDefault($"{_job}-{version}") is { } deployment && done(deployment)) return deployment;
                changed = _changed.Task;
            }
            try
            {
                await changed.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"deployment {_job}-{version} did not get there within {within}; it is {Describe()}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _watching;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }

    private async Task WatchAsync(IResourceStore store, long from)
    {
        await foreach (var change in store.WatchAsync(new WatchQuery(Namespace: "default"), from, _stop.Token))
        {
            lock (_allocations)
            {
                Apply(change);
                Sample();
                _changed.TrySetResult();
                _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    private void Apply(WatchEvent change)
    {
        switch (change.Object)
        {
            case Allocation allocation when allocation.Spec.Job == _job:
                if (change.Type == WatchEventType.Deleted) _allocations.Remove(allocation.Metadata.Name);
                else _allocations[allocation.Metadata.Name] = allocation;
                break;
            case Deployment deployment when deployment.Spec.Job == _job:
                _deployments[deployment.Metadata.Name] = deployment;
                break;
        }
    }

    // Within one revision a plan's stops come with its placements, and a placement is never healthy at once, so the
    // figure after each event of a revision is at most its figure after the whole revision: no false alarm.
    private void Sample()
    {
        if (_rollout is not var (version, count)) return;
        var running = _allocations.Values.Where(a => a.Spec.DesiredStatus == AllocationDesiredStatus.Run).ToList();
        var old = running.Count(a => a.Spec.JobVersion < version);
        var fresh = running.Where(a => a.Spec.JobVersion == version).ToList();
        var healthy = fresh.Count(a => a.Status.Health?.Healthy == true);
        MostBeingReplaced = Math.Max(MostBeingReplaced, count - old - healthy);
        MostInFlight = Math.Max(MostInFlight, fresh.Count - healthy);
    }

    private string Describe()
    {
        lock (_allocations) return string.Join("; ", _deployments.Values.Select(d => $"{d.Metadata.Name} {d.Status.State} ({d.Status.Description})"))
        + $"; allocations: {string.Join(", ", _allocations.Values.Select(a => $"v{a.Spec.JobVersion} {a.Spec.DesiredStatus}/{a.Status.ClientStatus}/{a.Status.Health?.Healthy}"))}";
    }
}
