using System.Globalization;
using Reconciler.Clients;
using Reconciler.Host.Api.Errors;
using Reconciler.Host.Api.Resources;
using Reconciler.Resources.Kinds;

namespace Reconciler.Host.Api.Jobs;

/// <summary>
/// Nomad's Job Modify Index, the number <c>job plan</c> prints and <c>job run -check-index</c> compares: the job's
/// version (<c>metadata.generation</c>), 0 when it does not exist. Unlike the resourceVersion it moves only when the
/// spec changes, so the job controller's status writes (one on every allocation change) never make a plan stale.
/// </summary>
public static class JobModifyIndex
{
    /// <summary>The modify index of <paramref name="job"/> (0: no job).</summary>
    public static long Of(Job? job) => job?.Metadata.Generation ?? 0;

    /// <summary>
    /// Registers <paramref name="job"/> only while the registered one is at modify index <paramref name="expected"/>
    /// (0: only when there is none); a 409 naming the current index otherwise. A status write racing the register is
    /// retried, a spec change is not.
    /// </summary>
    public static Task<Job> RegisterAtAsync(ResourceClient client, Job job, long expected, CancellationToken cancellationToken) =>
        SpecChange.RetryAsync(job.Key, async () =>
        {
            var current = await client.GetAsync<Job>(job.Key, cancellationToken);
            var index = Of(current);
            if (index != expected) throw Stale(job, expected, index);
            return await client.ApplyAsync(job, current?.Metadata.ResourceVersion ?? 0, cancellationToken);
        }, cancellationToken);

    private static ApiException Stale(Job job, long expected, long index)
    {
        var current = index.ToString(CultureInfo.InvariantCulture);
        var message = index == 0
            ? $"{job.Key} does not exist (current index 0)"
            : $"{job.Key} is at job modify index {current}, not {expected.ToString(CultureInfo.InvariantCulture)} (current index {current})";
        return ApiException.Conflict(message);
    }
}
