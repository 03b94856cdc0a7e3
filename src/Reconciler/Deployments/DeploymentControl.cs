using Reconciler.Clients;
using Reconciler.Evaluations;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;

namespace Reconciler.Deployments;

/// <summary>
/// What operators do to a deployment (the API calls these): promote its canaries, pause, resume, fail (with
/// auto-revert when the deployment asks for it), and set an allocation's health when the job's healthCheck is manual.
/// Each writes the deployment's status with optimistic concurrency; the deployment watcher does the rest.
/// </summary>
public sealed class DeploymentControl(ResourceClient client, JobReverter reverter, TimeProvider time)
{
    /// <summary>Promotes the canaries of every group; refused while a canary is unhealthy or not yet healthy.</summary>
    public Task<DeploymentCommandResult> PromoteAsync(ResourceKey deployment, CancellationToken cancellationToken = default) =>
        PromoteAsync(deployment, null, cancellationToken);

    /// <summary>
    /// Promotes the canaries of <paramref name="groups"/> (every group when null or empty); refused while one of their
    /// canaries is unhealthy or not yet healthy, or when a group is not in the deployment.
    /// </summary>
    public Task<DeploymentCommandResult> PromoteAsync(ResourceKey deployment, IReadOnlyCollection<string>? groups, CancellationToken cancellationToken = default) =>
        ChangeAsync(deployment, d =>
        {
            var chosen = groups is { Count: > 0 } ? groups : d.Status.Groups.Keys;
            if (chosen.FirstOrDefault(g => !d.Status.Groups.ContainsKey(g)) is { } unknown)
                return (null, $"deployment has no task group \"{unknown}\"; its groups: {string.Join(", ", d.Status.Groups.Keys)}");
            var waiting = d.Status.Groups.Where(g => chosen.Contains(g.Key) && g.Value.DesiredCanaries > 0 && !g.Value.Promoted).ToList();
            if (waiting.Count == 0) return (null, "deployment has no canaries to promote");
            foreach (var (name, group) in waiting)
            {
                if (group.Unhealthy > 0) return (null, $"task group \"{name}\" has unhealthy canaries: fix or fail the deployment");
                if (group.PlacedCanaries.Count < group.DesiredCanaries || group.Healthy < group.PlacedCanaries.Count)
                    return (null, $"task group \"{name}\" has {group.Healthy} healthy of {group.DesiredCanaries} canaries: wait until all are healthy");
            }
            var promoted = d.Status.Groups.ToDictionary(g => g.Key, g => g.Value with { Promoted = g.Value.Promoted || (chosen.Contains(g.Key) && g.Value.DesiredCanaries > 0) });
            var awaiting = promoted.Values.Any(g => g.DesiredCanaries > 0 && !g.Promoted);
            return (d.Status with { Groups = promoted, Description = awaiting ? DeploymentDescriptions.RunningNeedsPromotion : DeploymentDescriptions.Running }, null);
        }, cancellationToken);

    /// <summary>Pauses a running deployment: nothing more is replaced until it resumes.</summary>
    public Task<DeploymentCommandResult> PauseAsync(ResourceKey deployment, CancellationToken cancellationToken = default) =>
        ChangeAsync(deployment, d => (d.Status with { State = DeploymentState.Paused, Description = DeploymentDescriptions.Paused }, null), cancellationToken);

    /// <summary>
    /// Resumes a paused deployment and evaluates its job at once, so the rollout goes on without waiting for a stagger:
    /// the step evaluations due while it was paused placed nothing, and progress made meanwhile asks for no new one.
    /// </summary>
    public async Task<DeploymentCommandResult> ResumeAsync(ResourceKey deployment, CancellationToken cancellationToken = default)
    {
        var result = await ChangeAsync(deployment, d => d.Status.State != DeploymentState.Paused
            ? (null, "deployment is not paused")
            : (d.Status with { State = DeploymentState.Running, Description = DeploymentDescriptions.Running }, null), cancellationToken).ConfigureAwait(false);
        if (result.Deployment is not { } resumed) return result;
        var job = await client.GetAsync<Job>(new ResourceKey("Job", resumed.Metadata.Namespace, resumed.Spec.Job), cancellationToken).ConfigureAwait(false);
        if (job is not null && job.Metadata.Generation == resumed.Spec.JobVersion)
        {
            var name = EvaluationNames.Resumed(resumed.Metadata.Name, resumed.Metadata.ResourceVersion);
            await client.ApplyAsync(EvaluationFactory.For(job, EvaluationTrigger.DeploymentWatcher, name: name), cancellationToken).ConfigureAwait(false);
        }
        return result;
    }

    /// <summary>Fails the deployment; with autoRevert the job goes back to its latest stable version.</summary>
    public async Task<DeploymentCommandResult> FailAsync(ResourceKey deployment, CancellationToken cancellationToken = default)
    {
        var result = await ChangeAsync(deployment, d => (d.Status with
        {
            State = DeploymentState.Failed,
            Description = DeploymentDescriptions.FailedByUser,
            RevertPending = d.Status.Groups.Values.Any(g => g.AutoRevert),
        }, null), cancellationToken).ConfigureAwait(false);
        if (result.Deployment is not { } failed) return result;
        return new(await reverter.FinishAutoRevertAsync(failed, cancellationToken).ConfigureAwait(false), null);
    }

    private const int MaxConflictRetries = 10;

    /// <summary>
    /// Sets the health of allocation <paramref name="allocation"/> by hand (healthCheck manual); a decided health is final.
    /// The client and the controllers write the allocation's status too: a write that meets theirs is tried again on the
    /// status they wrote.
    /// </summary>
    public async Task<DeploymentCommandResult> SetAllocationHealthAsync(ResourceKey allocation, bool healthy, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (await client.GetAsync<Allocation>(allocation, cancellationToken).ConfigureAwait(false) is not { } current) return DeploymentCommandResult.Refused($"allocation {allocation} not found");
            if (current.Spec.DeploymentId is not { } id) return DeploymentCommandResult.Refused($"allocation {allocation} is not part of a deployment");
            if (current.Status.Health?.Healthy is not null) return DeploymentCommandResult.Refused($"allocation {allocation} health was already decided");
            var health = new AllocationHealth { Healthy = healthy, Timestamp = time.GetUtcNow(), Canary = current.Spec.Canary };
            var written = await client.UpdateStatusAsync(current with { Status = current.Status with { Health = health } }, cancellationToken).ConfigureAwait(false);
            if (written.Succeeded) return new(await client.GetAsync<Deployment>(new ResourceKey("Deployment", allocation.Namespace, id), cancellationToken).ConfigureAwait(false), null);
            if (attempt == MaxConflictRetries) return DeploymentCommandResult.Refused($"allocation {allocation} changed meanwhile: retry");
            await ConflictBackoff.DelayAsync(attempt, cancellationToken).ConfigureAwait(false);
        }
    }

    // The deployment controller writes the same status: a command that meets its write is applied again to the
    // status it wrote, since the change is a function of the current deployment.
    private async Task<DeploymentCommandResult> ChangeAsync(ResourceKey key, Func<Deployment, (DeploymentStatus? Status, string? Error)> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (await client.GetAsync<Deployment>(key, cancellationToken).ConfigureAwait(false) is not { } deployment) return DeploymentCommandResult.Refused($"deployment {key} not found");
            if (DeploymentProgress.IsTerminal(deployment.Status.State))
                return DeploymentCommandResult.Refused($"deployment {key} is {deployment.Status.State.ToString().ToLowerInvariant()}: {deployment.Status.Description}");
            var (status, error) = change(deployment);
            if (error is not null) return DeploymentCommandResult.Refused(error);
            var written = await client.UpdateStatusAsync(deployment with { Status = status! }, cancellationToken).ConfigureAwait(false);
            if (written.Succeeded) return new(written.Resource, null);
            if (attempt == MaxConflictRetries) return DeploymentCommandResult.Refused($"deployment {key} changed meanwhile: retry");
            await ConflictBackoff.DelayAsync(attempt, cancellationToken).ConfigureAwait(false);
        }
    }
}
