using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;
using Reconciler.Scheduling;
using Reconciler.Scheduling.Reconcile;
using Reconciler.Scheduling.State;
using Reconciler.Store;

namespace Reconciler.Deployments;

/// <summary>
/// Starts the deployment of a service job's version the first time the scheduler plans that version, before any
/// allocation of it is placed, so every new allocation carries the deployment's id. A group asks for canaries
/// only when it has allocations of an older version to replace (a first version has nothing to compare against).
/// A system job's update gets a deployment too (Nomad had none for years, #4740): it paces the replacement over
/// the nodes by maxParallel and health, and its desired count is the number of nodes the group runs on.
/// </summary>
public sealed class DeploymentStarter(IResourceStore store, TimeProvider time) : IDeploymentSource
{
    /// <inheritdoc />
    public async ValueTask<Deployment?> ForAsync(Job job, ClusterState cluster, CancellationToken cancellationToken)
    {
        if (job.Spec.Type is not (JobType.Service or JobType.System) || job.IsStopped()) return null;
        if (!job.Spec.Groups.Any(g => g.Update is { MaxParallel: > 0 } or { MaxSurge: > 0 })) return null;
        var key = DeploymentNames.Deployment(job.Metadata.Namespace, job.Metadata.Name, job.Metadata.Generation);
        if (await store.GetAsync(key, cancellationToken).ConfigureAwait(false) is Deployment existing) return existing;
        if (job.Spec.Type == JobType.System && !Replaces(job, cluster)) return null;
        try
        {
            return (Deployment)await store.PutAsync(NewDeployment(job, key, cluster), 0, cancellationToken).ConfigureAwait(false);
        }
        catch (ConflictException)
        {
            return await store.GetAsync(key, cancellationToken).ConfigureAwait(false) as Deployment;
        }
    }

    // A system job's deployment rolls an update over the nodes that run the job; its first version has nothing to
    // roll over and is placed on every node at once.
    private static bool Replaces(Job job, ClusterState cluster) => job.Spec.Groups.Any(g => Replaced(job, g, cluster).Any());

    // The live allocations of an older version of the group that the new version replaces (its digest changed).
    private static IEnumerable<AllocationRecord> Replaced(Job job, TaskGroup group, ClusterState cluster)
    {
        var digest = GroupDigest.Of(group);
        return cluster.AllocationsOf(JobKeys.Of(job.Metadata.Namespace ?? ObjectMeta.DefaultNamespace, job.Metadata.Name))
            .Where(a => a.Group == group.Name && !a.IsTerminal && a.JobVersion != job.Metadata.Generation && a.GroupDigest != digest);
    }

    private Deployment NewDeployment(Job job, ResourceKey key, ClusterState cluster)
    {
        var allocations = cluster.AllocationsOf(JobKeys.Of(job.Metadata.Namespace ?? ObjectMeta.DefaultNamespace, job.Metadata.Name));
        var now = time.GetUtcNow();
        var groups = new Dictionary<string, DeploymentGroupState>(StringComparer.Ordinal);
        foreach (var group in job.Spec.Groups)
        {
            var update = group.Update ?? JobDefaults.Update;
            var replacing = Replaced(job, group, cluster).Any();
            // A system group runs one allocation per node: the update is done when every node it runs on has a
            // healthy allocation of the new version. Canaries are for service jobs.
            var system = job.Spec.Type == JobType.System;
            var desired = system ? allocations.Where(a => a.Group == group.Name && !a.IsTerminal).Select(a => a.Node).Distinct(StringComparer.Ordinal).Count() : group.Count;
            groups[group.Name] = new DeploymentGroupState
            {
                Desired = desired,
                DesiredCanaries = replacing && !system ? Math.Min(update.Canary ?? 0, group.Count) : 0,
                AutoPromote = update.AutoPromote ?? false,
                AutoRevert = update.AutoRevert ?? false,
                RequireProgressBy = update.ProgressDeadline is { } deadline && deadline > TimeSpan.Zero ? now + deadline : null,
            };
        }
        return new Deployment
        {
            Metadata = new ObjectMeta { Name = key.Name, Namespace = key.Namespace },
            Spec = new DeploymentSpec { Job = job.Metadata.Name, JobVersion = job.Metadata.Generation },
            Status = new DeploymentStatus
            {
                State = DeploymentState.Running,
                Description = groups.Values.Any(g => g.DesiredCanaries > 0) ? DeploymentDescriptions.RunningNeedsPromotion : DeploymentDescriptions.Running,
                Groups = groups,
            },
        };
    }
}
