using Reconciler.Resources.Kinds;
using Reconciler.Scheduling.Feasibility;
using Reconciler.Scheduling.Placement;
using Reconciler.Scheduling.State;

namespace Reconciler.Deployments;

/// <summary>
/// How many healthy allocations a system group's deployment waits for: one per node the system scheduler would run
/// the group on now — schedulable (ready, eligible, not draining), in one of the job's datacenters, and allowed by the
/// group's drivers, volumes and constraints. It follows the cluster while the deployment runs: a node that goes down,
/// drains or turns ineligible no longer counts, and a node that joins does.
/// </summary>
public static class SystemDeploymentTarget
{
    /// <summary>The number of nodes <paramref name="group"/> of <paramref name="job"/> runs on in <paramref name="cluster"/>.</summary>
    public static int Nodes(Job job, TaskGroup group, ClusterState cluster)
    {
        var checks = new FeasibilityChecks(group, new GroupPresence(cluster.Nodes));
        return SchedulableNodes.Of(cluster.Nodes, job.Spec.Datacenters).Count(n => checks.WhyInfeasible(n) is null);
    }

    /// <summary>
    /// <paramref name="deployment"/> with each group's desired count following the nodes of <paramref name="cluster"/>,
    /// or null when no count changed (or the deployment ended).
    /// </summary>
    public static Deployment? Followed(Deployment deployment, Job job, ClusterState cluster)
    {
        if (DeploymentProgress.IsTerminal(deployment.Status.State)) return null;
        var groups = new Dictionary<string, DeploymentGroupState>(StringComparer.Ordinal);
        foreach (var (name, state) in deployment.Status.Groups)
            groups[name] = job.Spec.Groups.FirstOrDefault(g => g.Name == name) is { } group ? state with { Desired = Nodes(job, group, cluster) } : state;
        if (groups.All(g => g.Value.Desired == deployment.Status.Groups[g.Key].Desired)) return null;
        return deployment with { Status = deployment.Status with { Groups = groups } };
    }
}
