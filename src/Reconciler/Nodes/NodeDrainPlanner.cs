using Reconciler.Resources.Kinds;
using Reconciler.Scheduling.State;

namespace Reconciler.Nodes;

/// <summary>What a drain does next: allocations to mark for migration now, and whether the drain is finished.</summary>
/// <param name="Migrate">Allocations to mark for migration.</param>
/// <param name="Complete">Nothing the drain moves is left on the node.</param>
public sealed record DrainStep(IReadOnlyList<AllocationRecord> Migrate, bool Complete);

/// <summary>
/// Paces a node drain as Nomad does: per job group, at most update.maxParallel allocations are migrating at a time
/// — marked, or moved but with a replacement not yet running — and once the deadline passes everything left is
/// marked at once. System job allocations stay when the drain spares them (the scheduler stops them otherwise).
/// </summary>
public static class NodeDrainPlanner
{
    /// <summary>The next step of draining <paramref name="node"/>.</summary>
    /// <param name="node">The draining node.</param>
    /// <param name="cluster">The cluster snapshot.</param>
    /// <param name="jobs">The jobs with allocations on the node, by <see cref="JobKeys"/>.</param>
    /// <param name="now">The time now.</param>
    public static DrainStep Plan(Node node, ClusterState cluster, IReadOnlyDictionary<string, Job> jobs, DateTimeOffset now)
    {
        var drain = node.Spec.Drain!;
        var name = node.Metadata.Name;
        var onNode = cluster.On(name).Allocations
            .Where(a => !jobs.TryGetValue(a.JobKey, out var job) || job.Spec.Type is JobType.Service or JobType.Batch)
            .ToList();
        if (onNode.Count == 0) return new DrainStep([], Complete: true);
        var pastDeadline = drain.Deadline <= TimeSpan.Zero || (drain.StartedAt is { } started && started + drain.Deadline <= now);
        if (pastDeadline) return new DrainStep([.. onNode.Where(a => !a.Migrate)], Complete: false);

        var marked = new List<AllocationRecord>();
        foreach (var group in onNode.GroupBy(a => (a.JobKey, a.Group)))
        {
            var all = cluster.ByJob.TryGetValue(group.Key.JobKey, out var byId) ? byId.Values.ToList() : [];
            var migrating = all.Count(a => a.Node == name && a.Migrate && a.Group == group.Key.Group && !ReplacementRunning(a, all));
            var maxParallel = jobs.TryGetValue(group.Key.JobKey, out var job)
                ? job.Spec.Groups.FirstOrDefault(g => g.Name == group.Key.Group)?.Update?.MaxParallel ?? job.Spec.Update?.MaxParallel ?? 1
                : 1;
            var budget = Math.Max(1, maxParallel) - migrating;
            marked.AddRange(group.Where(a => !a.Migrate).OrderBy(a => a.Index).Take(Math.Max(0, budget)));
        }
        return new DrainStep(marked, Complete: false);
    }

    private static bool ReplacementRunning(AllocationRecord migrated, IReadOnlyList<AllocationRecord> all) =>
        migrated.IsTerminal && all.Any(a => a.PreviousAllocation == migrated.Id && a.ClientStatus == AllocationClientStatus.Running);
}
