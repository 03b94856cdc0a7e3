using Reconciler.Clients;
using Reconciler.Informers;
using Reconciler.Resources.Kinds;

namespace Reconciler.Evaluations;

/// <summary>Turns blocked evaluations pending again when capacity may have appeared (a node came up, an allocation ended).</summary>
public sealed class BlockedEvaluationReleaser(ResourceCache cache, ResourceClient client)
{
    /// <summary>Makes every blocked evaluation pending again; returns how many.</summary>
    public async Task<int> ReleaseAsync(CancellationToken cancellationToken)
    {
        var released = 0;
        foreach (var blocked in cache.List<Evaluation>().Where(e => e.Status.State == EvaluationState.Blocked))
        {
            var pending = blocked with { Status = blocked.Status with { State = EvaluationState.Pending, Description = "capacity changed; trying again" } };
            if ((await client.UpdateStatusAsync(pending, cancellationToken).ConfigureAwait(false)).Outcome == Clients.WriteOutcome.Written) released++;
        }
        return released;
    }
}
