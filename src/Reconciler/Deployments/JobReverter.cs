using System.Text.Json;

using Reconciler.Clients;
using Reconciler.Resources.Json;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;
using Reconciler.Store;

namespace Reconciler.Deployments;

/// <summary>
/// Reverts a job to an earlier version as Nomad does: the old version's spec is registered again, which makes it a
/// new version (the generation goes up; history is never rewritten). The API's <c>job revert</c> and auto-revert use it.
/// </summary>
public sealed class JobReverter(ResourceClient client, JobHistory history)
{
    /// <summary>
    /// Registers version <paramref name="version"/> of the job <paramref name="jobKey"/> as its new version; refused when
    /// <paramref name="expectedCurrentVersion"/> is given and the job moved on, or the version is not recorded.
    /// </summary>
    public async Task<RevertResult> RevertAsync(ResourceKey jobKey, long version, long? expectedCurrentVersion = null, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (await client.GetAsync<Job>(jobKey, cancellationToken).ConfigureAwait(false) is not { } job) return new(null, $"job {jobKey} not found");
            if (expectedCurrentVersion is { } expected && job.Metadata.Generation != expected)
                return new(null, $"job {jobKey} is at version {job.Metadata.Generation}, not {expected}: read it again and retry");
            if (version == job.Metadata.Generation) return new(null, $"job {jobKey} is already at version {version}");
            var recorded = await client.GetAsync<JobVersion>(DeploymentNames.JobVersion(jobKey.Namespace, jobKey.Name, version), cancellationToken).ConfigureAwait(false);
            if (recorded is null) return new(null, $"version {version} of job {jobKey} is not in its history (kept: the last versions and the latest stable one)");
            try
            {
                var registered = await client.ApplyAsync(job with { Spec = recorded.Spec.Spec }, job.Metadata.ResourceVersion, cancellationToken).ConfigureAwait(false);
                await history.RecordAsync(registered, cancellationToken).ConfigureAwait(false);
                return new(registered, null);
            }
            catch (ConflictException) when (attempt < MaxConflictRetries)
            {
                // The job controller writes the job's status as allocations change (a failing deployment's do), which
                // moves its resourceVersion but not its version: read it again; the version check above still guards.
                await ConflictBackoff.DelayAsync(attempt, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private const int MaxConflictRetries = 10;

    /// <summary>
    /// Reverts the job to its newest stable version older than <paramref name="failedVersion"/>; null when there is none.
    /// Asked again after it was made (an auto-revert retried), it answers with the job as reverted instead of refusing.
    /// </summary>
    public async Task<RevertResult?> RevertToStableAsync(ResourceKey jobKey, long failedVersion, CancellationToken cancellationToken = default)
    {
        var stable = await history.LatestStableAsync(jobKey.Namespace, jobKey.Name, failedVersion, cancellationToken).ConfigureAwait(false);
        if (stable is null) return null;
        if (await client.GetAsync<Job>(jobKey, cancellationToken).ConfigureAwait(false) is { } job
            && job.Metadata.Generation > failedVersion && SameSpec(job.Spec, stable.Spec.Spec))
            return new(job, null);
        return await RevertAsync(jobKey, stable.Spec.Version, failedVersion, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Makes the auto-revert a failed deployment still owes (<see cref="DeploymentStatus.RevertPending"/>) and writes
    /// the outcome into its description; the deployment as written, or as another writer left it. Safe to run twice:
    /// an error leaves the revert pending for the deployment watcher to try again.
    /// </summary>
    public async Task<Deployment> FinishAutoRevertAsync(Deployment failed, CancellationToken cancellationToken = default)
    {
        if (!failed.Status.RevertPending) return failed;
        var failure = failed.Status.Description ?? DeploymentDescriptions.FailedUnhealthy;
        var jobKey = new ResourceKey("Job", failed.Metadata.Namespace, failed.Spec.Job);
        var reverted = await RevertToStableAsync(jobKey, failed.Spec.JobVersion, cancellationToken).ConfigureAwait(false);
        var description = reverted switch
        {
            { Succeeded: true } => DeploymentDescriptions.RolledBack(failure, reverted.Job!.Metadata.Generation),
            { Error: { } error } => $"{failure} - auto revert refused: {error}",
            _ => DeploymentDescriptions.NoStableVersion(failure),
        };
        var current = failed;
        for (var attempt = 0; ; attempt++)
        {
            var written = await client.UpdateStatusAsync(current with { Status = current.Status with { Description = description, RevertPending = false } }, cancellationToken).ConfigureAwait(false);
            if (written.Succeeded) return written.Resource ?? current;
            // Written meanwhile (the watcher and `deployment fail` both finish a revert): read it again.
            await ConflictBackoff.DelayAsync(attempt, cancellationToken).ConfigureAwait(false);
            if (await client.GetAsync<Deployment>(failed.Key, cancellationToken).ConfigureAwait(false) is not { } again) return current;
            if (!again.Status.RevertPending) return again;
            current = again;
        }
    }

    private static bool SameSpec(JobSpec a, JobSpec b) =>
        JsonSerializer.SerializeToUtf8Bytes(a, ResourceJson.Options).AsSpan().SequenceEqual(JsonSerializer.SerializeToUtf8Bytes(b, ResourceJson.Options));
}
