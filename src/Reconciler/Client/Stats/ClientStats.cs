using System.Collections.Concurrent;

using Reconciler.Client.Runner;
using Reconciler.Drivers;
using Reconciler.Informers;
using Reconciler.Resources.Kinds;

namespace Reconciler.Client.Stats;

/// <summary>
/// What the tasks this client runs and its machine use: sampled on request (<c>recon alloc status -stats</c>,
/// <c>recon node status -stats</c>) and every <c>collection_interval</c> by <see cref="StatsCollector"/>, whose latest
/// round <see cref="ClientMetrics"/> publishes as gauges. Samples come from each task's driver (<see cref="ITaskDriver.StatsAsync"/>).
/// </summary>
public sealed class ClientStats
{
    private readonly LiveAllocations _live;
    private readonly ResourceCache _cache;
    private readonly HostUsageReader _host;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, long> _maxMemory = new(StringComparer.Ordinal);

    internal ClientStats(ClientOptions options, NodeIdentity identity, LiveAllocations live, ResourceCache cache, TimeProvider time)
    {
        (Options, Identity, _live, _cache, _time) = (options, identity, live, cache, time);
        _host = new HostUsageReader(options, time);
    }

    /// <summary>The client's options (its node name and data directory).</summary>
    public ClientOptions Options { get; }

    /// <summary>The node id the client marks its tasks with.</summary>
    public NodeIdentity Identity { get; }

    /// <summary>The allocations sampled by the latest <see cref="CollectAsync"/>, with at least one running task each.</summary>
    public IReadOnlyList<AllocationUsage> LatestAllocations { get; private set; } = [];

    /// <summary>The machine sampled by the latest <see cref="CollectAsync"/>; null before the first.</summary>
    public HostUsage? LatestHost { get; private set; }

    /// <summary>The highest memory use seen of a task over the samples taken while it ran.</summary>
    public long MaxMemoryBytes(string allocationId, string taskName) => _maxMemory.GetValueOrDefault(TaskKey(allocationId, taskName));

    /// <summary>Samples one allocation's running tasks now; null when the allocation does not run on this client.</summary>
    public async Task<AllocationUsage?> AllocationAsync(string allocationId, CancellationToken cancellationToken) =>
        _live.Find(allocationId) is { } live ? await SampleAsync(live, cancellationToken).ConfigureAwait(false) : null;

    /// <summary>Samples the machine now.</summary>
    public HostUsage Host() => _host.Read();

    /// <summary>Samples every running task and the machine, keeping the results as the latest round.</summary>
    public async Task CollectAsync(bool allocations, bool host, CancellationToken cancellationToken)
    {
        if (host) LatestHost = _host.Read();
        if (!allocations) return;
        var samples = new List<AllocationUsage>();
        foreach (var live in _live.All())
            if (await SampleAsync(live, cancellationToken).ConfigureAwait(false) is { Tasks.Count: > 0 } usage) samples.Add(usage);
        LatestAllocations = samples;
        // A task that no longer runs keeps no maximum: its series is gone, and a restart starts a new one.
        var running = samples.SelectMany(a => a.Tasks.Keys.Select(task => TaskKey(a.AllocationId, task))).ToHashSet(StringComparer.Ordinal);
        foreach (var key in _maxMemory.Keys.Where(key => !running.Contains(key))) _maxMemory.TryRemove(key, out _);
    }

    private async Task<AllocationUsage> SampleAsync(LiveAllocation live, CancellationToken cancellationToken)
    {
        var tasks = new Dictionary<string, TaskResourceUsage>(StringComparer.Ordinal);
        foreach (var task in live.Tasks.Values)
        {
            if (task is not { Running: true, Driver: { } driver, Handle: { } handle }) continue;
            TaskResourceUsage? usage;
            try
            {
                usage = await driver.StatsAsync(handle.Task.Id, cancellationToken).ConfigureAwait(false);
            }
            catch (TaskNotFoundException)
            {
                continue; // It stopped between the look and the sample.
            }
            if (usage is null) continue;
            tasks[task.Name] = usage;
            _maxMemory.AddOrUpdate(TaskKey(live.Id, task.Name), usage.MemoryBytes, (_, max) => Math.Max(max, usage.MemoryBytes));
        }
        var allocation = _cache.Get<Allocation>(live.Key);
        return new AllocationUsage
        {
            AllocationId = live.Id,
            Namespace = live.Key.Namespace ?? "default",
            Job = allocation?.Spec.Job ?? live.Tasks.Values.Select(t => t.Handle?.Task.JobName).FirstOrDefault(j => j is not null) ?? "",
            TaskGroup = allocation?.Spec.Group ?? "",
            Timestamp = _time.GetUtcNow(),
            Tasks = tasks,
        };
    }

    private static string TaskKey(string allocationId, string taskName) => $"{allocationId}/{taskName}";
}
