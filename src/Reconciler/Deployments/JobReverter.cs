using Reconciler.Clients;
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
            }
        }
    }

    private const int MaxConflictRetries = 5;

    /// <summary>Reverts the job to its newest stable version older than <paramref name="failedVersion"/>; null when there is none.</summary>
    public async Task<RevertResult?> RevertToStableAsync(ResourceKey jobKey, long failedVersion, CancellationToken cancellationToken = default)
    {
        var stable = await history.LatestStableAsync(jobKey.Namespace, jobKey.Name, failedVersion, cancellationToken).ConfigureAwait(false);
        return stable is null ? null : await RevertAsync(jobKey, stable.Spec.Version, failedVersion, cancellationToken).ConfigureAwait(false);
    }
}
