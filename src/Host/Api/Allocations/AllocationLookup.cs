using Reconciler.Host.Api.Errors;
using Reconciler.Host.Api.Jobs;
using Reconciler.Resources.Kinds;

namespace Reconciler.Host.Api.Allocations;

/// <summary>
/// Finds the allocation a person means: its full id, an unambiguous prefix of it, or a job name (then a running
/// allocation of that job, else its newest one desired to run). An ambiguous prefix is an error listing the candidates.
/// </summary>
public sealed class AllocationLookup(JobRequests requests)
{
    /// <summary>The allocation <paramref name="idOrJob"/> names in <paramref name="ns"/>.</summary>
    public async Task<Allocation> FindAsync(string ns, string idOrJob, CancellationToken cancellationToken)
    {
        var all = await requests.ListAsync<Allocation>("Allocation", ns, _ => true, cancellationToken);
        if (all.FirstOrDefault(a => a.Metadata.Name == idOrJob) is { } exact) return exact;
        var prefixed = all.Where(a => a.Metadata.Name.StartsWith(idOrJob, StringComparison.Ordinal)).ToList();
        if (prefixed.Count == 1) return prefixed[0];
        if (prefixed.Count > 1)
            throw ApiException.Conflict($"Allocation prefix '{idOrJob}' is ambiguous in namespace {ns}; it matches {string.Join(", ", prefixed.Select(a => $"{a.Metadata.Name} ({a.Spec.Name})"))}. Give more of the id.");
        var ofJob = all.Where(a => a.Spec.Job == idOrJob).ToList();
        return ofJob.Where(a => a.Spec.DesiredStatus == AllocationDesiredStatus.Run)
                .OrderByDescending(a => a.Status.ClientStatus == AllocationClientStatus.Running)
                .ThenByDescending(a => a.Metadata.ResourceVersion)
                .FirstOrDefault()
            ?? throw ApiException.NotFound(ofJob.Count > 0
                ? $"Job '{idOrJob}' has no allocation desired to run in namespace {ns}; see them with `recon job status {idOrJob}`."
                : $"No allocation or job '{idOrJob}' in namespace {ns}; list allocations with `recon job status JOB`.");
    }
}
