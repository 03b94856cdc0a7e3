using Microsoft.Extensions.DependencyInjection;

using Reconciler.Controllers;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;
using Reconciler.Scheduling.State;

namespace Reconciler.Evaluations;

/// <summary>
/// The blocked evaluations waiting for capacity, after Nomad's blocked-evals tracker. The cluster state raises
/// <see cref="ClusterStateTracker.CapacityMayHaveFreed"/> once a change is in the state the scheduler reads (a node
/// ready or eligible again, a drain ended, an allocation stopped or ended); every waiting evaluation is then
/// released to the evaluation controller, which schedules it again. Each change moves <see cref="CapacityVersion"/>
/// on: an evaluation scheduled on a snapshot older than the last change is not parked (<see cref="TryWait"/> says so),
/// so a node arriving while an evaluation is in flight is never missed.
/// </summary>
public sealed class BlockedEvaluations
{
    private readonly Lock _gate = new();
    private readonly HashSet<ResourceKey> _waiting = [];
    private readonly IServiceProvider _services;
    private long _version;
    private IController? _controller;

    /// <summary>Follows <paramref name="tracker"/>'s capacity changes; released evaluations go to the evaluation controller found in <paramref name="services"/>.</summary>
    public BlockedEvaluations(ClusterStateTracker tracker, IServiceProvider services)
    {
        _services = services;
        tracker.CapacityMayHaveFreed += Release;
    }

    /// <summary>Moves on with every capacity change; read it before taking the snapshot an evaluation is scheduled on.</summary>
    public long CapacityVersion
    {
        get { lock (_gate) return _version; }
    }

    /// <summary>Evaluations waiting for capacity.</summary>
    public int Count
    {
        get { lock (_gate) return _waiting.Count; }
    }

    /// <summary>
    /// Parks <paramref name="evaluation"/> (already written blocked) until capacity changes, unless it changed since
    /// <paramref name="seenVersion"/>: then false, and the caller schedules it again at once.
    /// </summary>
    public bool TryWait(ResourceKey evaluation, long seenVersion)
    {
        lock (_gate)
        {
            if (_version != seenVersion) return false;
            _waiting.Add(evaluation);
            return true;
        }
    }

    /// <summary>Whether <paramref name="evaluation"/> is parked; a blocked evaluation that is not (released, or found blocked after a restart) is scheduled again.</summary>
    public bool IsWaiting(ResourceKey evaluation)
    {
        lock (_gate) return _waiting.Contains(evaluation);
    }

    /// <summary>Forgets <paramref name="evaluation"/> (it was deleted or scheduled).</summary>
    public void Forget(ResourceKey evaluation)
    {
        lock (_gate) _waiting.Remove(evaluation);
    }

    private void Release()
    {
        ResourceKey[] released;
        lock (_gate)
        {
            _version++;
            released = [.. _waiting];
            _waiting.Clear();
        }
        if (released.Length == 0) return;
        var queue = (_controller ??= _services.GetServices<IController>().OfType<Controller<Evaluation>>().Single()).Queue;
        foreach (var key in released) queue.Add(key);
    }
}
