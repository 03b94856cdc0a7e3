using Reconciler.Resources.Kinds;

namespace Reconciler.Deployments;

/// <summary>
/// Decides where a deployment is from its job and its allocations, as plain data: the health of each allocation
/// (<see cref="AllocationHealthJudge"/>), the counts per group, promotion (autoPromote once every canary is healthy;
/// an unhealthy canary blocks it), and the state — failed when an allocation of the update is unhealthy or no
/// allocation turned healthy within progressDeadline, successful when every group has its count of healthy
/// allocations of the new version, cancelled when a newer job version exists or the job is gone. An allocation that
/// failed and was replaced no longer counts: its replacement does.
/// </summary>
public static class DeploymentProgress
{
    /// <summary>The decision for <paramref name="deployment"/> given <paramref name="job"/> (null when deleted) and its <paramref name="allocations"/>.</summary>
    public static DeploymentDecision Decide(Deployment deployment, Job? job, IReadOnlyCollection<Allocation> allocations, DateTimeOffset now)
    {
        var status = deployment.Status;
        if (IsTerminal(status.State)) return Unchanged(status) with { Revert = status.State == DeploymentState.Failed && status.RevertPending };
        if (job is null || job.IsStopped()) return Unchanged(Ended(status, DeploymentState.Cancelled, DeploymentDescriptions.CancelledJobStopped));
        if (job.Metadata.Generation > deployment.Spec.JobVersion) return Unchanged(Ended(status, DeploymentState.Cancelled, DeploymentDescriptions.CancelledNewerVersion));

        var writes = new List<(Allocation, AllocationHealth)>();
        var groups = new Dictionary<string, DeploymentGroupState>(StringComparer.Ordinal);
        DateTimeOffset? recheck = null;
        var unhealthy = false;
        foreach (var (name, before) in status.Groups)
        {
            var spec = job.Spec.Groups.FirstOrDefault(g => g.Name == name);
            var update = spec?.Update ?? JobDefaults.Update;
            var mine = Current(allocations.Where(a => a.Spec.Group == name).ToList());
            var verdicts = mine.Select(a => (Allocation: a, Verdict: AllocationHealthJudge.Judge(a, spec, update, now))).ToList();
            foreach (var (a, v) in verdicts)
            {
                if (v.Healthy is { } healthy && a.Status.Health?.Healthy is null)
                    writes.Add((a, new AllocationHealth { Healthy = healthy, Timestamp = v.At, Canary = a.Spec.Canary }));
                recheck = Earliest(recheck, v.RecheckAt);
            }
            var group = Counted(before, verdicts, update);
            unhealthy |= verdicts.Any(x => x.Verdict.Healthy == false && !(x.Allocation.Spec.Canary && !group.Promoted));
            groups[name] = group;
            if (!Done(group)) recheck = Earliest(recheck, group.RequireProgressBy);
        }

        var counted = status with { Groups = groups };
        var next = NextState(counted, unhealthy, now);
        var revert = next.State == DeploymentState.Failed && groups.Values.Any(g => g.AutoRevert);
        if (revert) next = next with { RevertPending = true };
        return new DeploymentDecision(
            next, writes,
            Evaluate: next.State is DeploymentState.Running or DeploymentState.Successful,
            Revert: revert,
            MarkStable: next.State == DeploymentState.Successful,
            RecheckAt: IsTerminal(next.State) ? null : recheck);
    }

    // A failed or lost allocation whose index a live allocation holds was replaced: it neither counts as a placed
    // canary nor blocks promotion or fails the deployment once promoted (Nomad #8150, #6407).
    private static List<Allocation> Current(List<Allocation> group)
    {
        static bool Gone(Allocation a) => a.Spec.DesiredStatus != AllocationDesiredStatus.Run || a.Status.ClientStatus is AllocationClientStatus.Failed or AllocationClientStatus.Lost;
        var held = group.Where(a => !Gone(a)).Select(a => a.Spec.Index).ToHashSet();
        return [.. group.Where(a => !Gone(a) || !held.Contains(a.Spec.Index))];
    }

    /// <summary>Successful, failed and cancelled deployments do not change any more.</summary>
    public static bool IsTerminal(DeploymentState state) => state is DeploymentState.Successful or DeploymentState.Failed or DeploymentState.Cancelled;

    private static DeploymentGroupState Counted(DeploymentGroupState before, List<(Allocation Allocation, HealthVerdict Verdict)> verdicts, UpdateStrategy update)
    {
        var canaries = verdicts.Where(x => x.Allocation.Spec.Canary).ToList();
        var healthy = verdicts.Where(x => x.Verdict.Healthy == true).ToList();
        var autoPromoted = before.AutoPromote && before.DesiredCanaries > 0 && canaries.Count >= before.DesiredCanaries
            && canaries.All(x => x.Verdict.Healthy == true);
        var lastHealthy = healthy.Max(x => x.Verdict.At);
        var progressBy = before.RequireProgressBy;
        if (healthy.Count > before.Healthy && lastHealthy is { } at && update.ProgressDeadline is { } deadline && deadline > TimeSpan.Zero) progressBy = at + deadline;
        return before with
        {
            PlacedCanaries = [.. canaries.Select(x => x.Allocation.Metadata.Name).Order(StringComparer.Ordinal)],
            Placed = verdicts.Count,
            Healthy = healthy.Count,
            Unhealthy = verdicts.Count(x => x.Verdict.Healthy == false),
            Promoted = before.Promoted || autoPromoted,
            RequireProgressBy = progressBy,
        };
    }

    private static DeploymentStatus NextState(DeploymentStatus status, bool unhealthy, DateTimeOffset now)
    {
        var groups = status.Groups.Values;
        if (unhealthy) return Ended(status, DeploymentState.Failed, DeploymentDescriptions.FailedUnhealthy);
        if (groups.Any(g => !Done(g) && g.RequireProgressBy <= now)) return Ended(status, DeploymentState.Failed, DeploymentDescriptions.FailedProgressDeadline);
        if (status.State == DeploymentState.Paused) return status with { Description = DeploymentDescriptions.Paused };
        if (groups.All(Done)) return Ended(status, DeploymentState.Successful, DeploymentDescriptions.Successful);
        var awaiting = groups.Where(g => g.DesiredCanaries > 0 && !g.Promoted).ToList();
        var description = awaiting.Count == 0 ? DeploymentDescriptions.Running
            : awaiting.All(g => g.AutoPromote) ? DeploymentDescriptions.RunningAutoPromotion : DeploymentDescriptions.RunningNeedsPromotion;
        return status with { State = DeploymentState.Running, Description = description };
    }

    private static bool Done(DeploymentGroupState group) => (group.DesiredCanaries == 0 || group.Promoted) && group.Healthy >= group.Desired;

    private static DeploymentStatus Ended(DeploymentStatus status, DeploymentState state, string description) =>
        status with { State = state, Description = description };

    private static DeploymentDecision Unchanged(DeploymentStatus status) => new(status, [], false, false, false, null);

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
