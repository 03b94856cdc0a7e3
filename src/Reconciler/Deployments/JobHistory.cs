using Reconciler.Clients;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;
using Reconciler.Store;

namespace Reconciler.Deployments;

/// <summary>
/// A job's recorded versions (<see cref="JobVersion"/> objects beside the job, <c>job-vN</c>): recording a
/// version, reading them newest first, marking one stable, and pruning beyond the configured bound — the oldest
/// go first, but the newest stable version is always kept so auto-revert has somewhere to go.
/// </summary>
public sealed class JobHistory(ResourceClient client, DeploymentOptions options)
{
    /// <summary>The versions of <paramref name="job"/> in <paramref name="namespace"/>, newest first.</summary>
    public async Task<IReadOnlyList<JobVersion>> VersionsAsync(string? @namespace, string job, CancellationToken cancellationToken = default)
    {
        var listed = await client.Store.ListAsync(new ListQuery("JobVersion", @namespace ?? ObjectMeta.DefaultNamespace), cancellationToken).ConfigureAwait(false);
        return [.. listed.Items.Cast<JobVersion>().Where(v => v.Spec.Job == job).OrderByDescending(v => v.Spec.Version)];
    }

    /// <summary>The newest stable version of <paramref name="job"/> older than <paramref name="before"/>, or null.</summary>
    public async Task<JobVersion?> LatestStableAsync(string? @namespace, string job, long before, CancellationToken cancellationToken = default) =>
        (await VersionsAsync(@namespace, job, cancellationToken).ConfigureAwait(false)).FirstOrDefault(v => v.Spec.Stable && v.Spec.Version < before);

    /// <summary>Records <paramref name="job"/>'s current version (harmless when recorded already) and prunes the history.</summary>
    public async Task RecordAsync(Job job, CancellationToken cancellationToken = default)
    {
        var key = DeploymentNames.JobVersion(job.Metadata.Namespace, job.Metadata.Name, job.Metadata.Generation);
        if (await client.GetAsync<JobVersion>(key, cancellationToken).ConfigureAwait(false) is null)
        {
            var version = new JobVersion
            {
                Metadata = new ObjectMeta { Name = key.Name, Namespace = key.Namespace },
                Spec = new JobVersionSpec { Job = job.Metadata.Name, Version = job.Metadata.Generation, Spec = job.Spec },
            };
            try
            {
                await client.ApplyAsync(version, expectedRevision: 0, cancellationToken).ConfigureAwait(false);
            }
            catch (ConflictException)
            {
                // Recorded meanwhile by another reconcile of the same generation, perhaps still being committed: a
                // read sees it only once it is, and callers list the history right after recording.
                await ConflictBackoff.ReadCreatedAsync(client.Store, key, cancellationToken).ConfigureAwait(false);
            }
        }
        await PruneAsync(job.Metadata.Namespace, job.Metadata.Name, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks version <paramref name="version"/> of <paramref name="job"/> stable; false when it is no longer recorded.</summary>
    public async Task<bool> MarkStableAsync(string? @namespace, string job, long version, CancellationToken cancellationToken = default)
    {
        var recorded = await client.GetAsync<JobVersion>(DeploymentNames.JobVersion(@namespace, job, version), cancellationToken).ConfigureAwait(false);
        if (recorded is null) return false;
        if (!recorded.Spec.Stable) await client.ApplyAsync(recorded with { Spec = recorded.Spec with { Stable = true } }, cancellationToken).ConfigureAwait(false);
        await PruneAsync(@namespace, job, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task PruneAsync(string? @namespace, string job, CancellationToken cancellationToken)
    {
        var versions = await VersionsAsync(@namespace, job, cancellationToken).ConfigureAwait(false);
        var stable = versions.FirstOrDefault(v => v.Spec.Stable);
        foreach (var old in versions.Skip(Math.Max(1, options.JobVersionsKept)).Where(v => v != stable))
            await client.DeleteAsync(old.Key, cancellationToken).ConfigureAwait(false);
    }
}
