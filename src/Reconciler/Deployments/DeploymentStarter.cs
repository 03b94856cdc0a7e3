using Reconciler.Clients;
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
/// A system job's versions get a deployment too (Nomad had none for years, #4740): it paces an update over the nodes
/// by maxParallel and health, and its desired count follows the nodes the group runs on (<see cref="SystemDeploymentTarget"/>),
/// brought up to date each time the scheduler asks.
/// </summary>
public sealed class DeploymentStarter(IResourceStore store, TimeProvider time) : IDeploymentSource
{
    // How many times a desired count that met the watcher's status write is brought up to date again.
    private const int FollowAttempts = 5;

    /// <inheritdoc />
    public async ValueTask<Deployment?> ForAsync(Job job, ClusterState cluster, CancellationToken cancellationToken)
    {
        if (job.Spec.Type is not (JobType.Service or JobType.System) || job.IsStopped()) return null;
        if (!job.Spec.Groups.Any(g => g.Update is { MaxParallel: > 0 } or { MaxSurge: > 0 })) return null;
        var key = DeploymentNames.Deployment(job.Metadata.Namespace, job.Metadata.Name, job.Metadata.Generation);
        if (await store.GetAsync(key, cancellationToken).ConfigureAwait(false) is Deployment existing)
            return job.Spec.Type == JobType.System ? await FollowNodesAsync(existing, job, cluster, cancellationToken).ConfigureAwait(false) : existing;
        try
        {
            return (Deployment)await store.PutAsync(NewDeployment(job, key, cluster), 0, cancellationToken).ConfigureAwait(false);
        }
        catch (ConflictException)
        {
            // Started meanwhile by another evaluation of this version, perhaps still being committed.
            return await ConflictBackoff.ReadCreatedAsync(store, key, cancellationToken).ConfigureAwait(false) as Deployment;
        }
    }

    // The scheduler asks before every plan, so a node that joins or leaves (each evaluates the system jobs) moves the
    // desired count before the plan places on or stops at it; the watcher may write the status meanwhile, so a
    // conflict reads the deployment again.
    private async ValueTask<Deployment?> FollowNodesAsync(Deployment deployment, Job job, ClusterState cluster, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (SystemDeploymentTarget.Followed(deployment, job, cluster) is not { } followed) return deployment;
            try
            {
                return (Deployment)await store.PutAsync(followed, deployment.Metadata.ResourceVersion, cancellationToken).ConfigureAwait(false);
            }
            catch (ConflictException) when (attempt < FollowAttempts)
            {
                await ConflictBackoff.DelayAsync(attempt - 1, cancellationToken).ConfigureAwait(false);
                if (await store.GetAsync(deployment.Key, cancellationToken).ConfigureAwait(false) is not Deployment fresh) return null;
                deployment = fresh;
            }
        }
    }

    // The live allocations of an older version of the group that the new version replaces (its digest changed).
    private static IEnumerable<AllocationRecord> Replaced(Job job, TaskGroup group, ClusterState cluster)
    {
        var digest = GroupDigest.Of(group);
        return cluster.AllocationsOf(JobKeys.Of(job.Metadata.Namespace ?? ObjectMeta.DefaultNamespace, job.Metadata.Name))
            .Where(a => a.Group == group.Name && !a.IsTerminal && a.JobVersion != job.Metadata.Generation && a.GroupDigest != digest);
    }

    private Deployment NewDeployment(Job job, ResourceKey key, ClusterState cluster)
    {
        var now = time.GetUtcNow();
        var groups = new Dictionary<string, DeploymentGroupState>(StringComparer.Ordinal);
        foreach (var group in job.Spec.Groups)
        {
            var update = group.Update ?? JobDefaults.Update;
            var replacing = Replaced(job, group, cluster).Any();
            // A system group runs one allocation per node: the version is rolled out when every node it runs on has a
            // healthy allocation of it. Canaries are for service jobs.
            var system = job.Spec.Type == JobType.System;
            var desired = system ? SystemDeploymentTarget.Nodes(job, group, cluster) : group.Count;
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
