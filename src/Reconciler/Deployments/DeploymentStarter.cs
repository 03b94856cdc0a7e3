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
/// </summary>
public sealed class DeploymentStarter(IResourceStore store, TimeProvider time) : IDeploymentSource
{
    /// <inheritdoc />
    public async ValueTask<Deployment?> ForAsync(Job job, ClusterState cluster, CancellationToken cancellationToken)
    {
        if (job.Spec.Type != JobType.Service || job.IsStopped()) return null;
        if (!job.Spec.Groups.Any(g => g.Update is { MaxParallel: > 0 } or { MaxSurge: > 0 })) return null;
        var key = DeploymentNames.Deployment(job.Metadata.Namespace, job.Metadata.Name, job.Metadata.Generation);
        if (await store.GetAsync(key, cancellationToken).ConfigureAwait(false) is Deployment existing) return existing;
        try
        {
            return (Deployment)await store.PutAsync(NewDeployment(job, key, cluster), 0, cancellationToken).ConfigureAwait(false);
        }
        catch (ConflictException)
        {
            return await store.GetAsync(key, cancellationToken).ConfigureAwait(false) as Deployment;
        }
    }

    private Deployment NewDeployment(Job job, ResourceKey key, ClusterState cluster)
    {
        var allocations = cluster.AllocationsOf(JobKeys.Of(job.Metadata.Namespace ?? ObjectMeta.DefaultNamespace, job.Metadata.Name));
        var now = time.GetUtcNow();
        var groups = new Dictionary<string, DeploymentGroupState>(StringComparer.Ordinal);
        foreach (var group in job.Spec.Groups)
        {
            var update = group.Update ?? JobDefaults.Update;
            var digest = GroupDigest.Of(group);
            var replacing = allocations.Any(a => a.Group == group.Name && !a.IsTerminal && a.JobVersion != job.Metadata.Generation && a.GroupDigest != digest);
            groups[group.Name] = new DeploymentGroupState
            {
                Desired = group.Count,
                DesiredCanaries = replacing ? Math.Min(update.Canary ?? 0, group.Count) : 0,
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
