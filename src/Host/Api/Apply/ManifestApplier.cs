using Reconciler.Clients;
using Reconciler.Resources.Model;
using Reconciler.Store;

namespace Reconciler.Host.Api.Apply;

/// <summary>
/// Applies objects in-process, as <c>/v1/apply</c> does: plan them (<see cref="ApplyPlanner"/>), then write the plan
/// in one transaction, planning again from what is stored when something changed in between. The route and the
/// GitOps sync both apply through it, so a directory synced by the agent behaves exactly like <c>recon apply -f</c>.
/// </summary>
public sealed class ManifestApplier(IResourceStore store, ApplyPlanner planner, TimeProvider time)
{
    private const int ConflictRetries = 10;

    /// <summary>
    /// Plans <paramref name="resources"/> (pruning what <paramref name="pruneSelector"/> owns when it is not null) and,
    /// unless <paramref name="dryRun"/>, writes the plan. <paramref name="authorize"/> sees every plan before it is
    /// written and may refuse it by throwing (the route checks the caller's ACL on each object; the sync acts as the
    /// agent). Returns the plan and the store revision after it.
    /// </summary>
    public async Task<AppliedPlan> ApplyAsync(IReadOnlyList<Resource> resources, LabelSelector? pruneSelector, bool dryRun, CancellationToken cancellationToken,
        Action<ApplyPlan>? authorize = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            var revision = store.Revision;
            var plan = await planner.PlanAsync(resources, pruneSelector, cancellationToken);
            authorize?.Invoke(plan);
            try
            {
                if (!dryRun && plan.WritesAnything)
                    revision = (await store.CommitAsync(plan.ToTransaction(time), cancellationToken)).Revision;
                return new AppliedPlan(plan, revision);
            }
            catch (ConflictException) when (attempt < ConflictRetries)
            {
                // Something changed since the plan was made: plan again from what is stored now.
                await ConflictBackoff.DelayAsync(attempt, cancellationToken);
            }
        }
    }
}
