namespace Reconciler.Scheduling.Plans;

/// <summary>Commits plans; <see cref="PlanApplier"/> is the implementation that writes to the store.</summary>
public interface IPlanCommitter
{
    /// <summary>Commits what still fits of <paramref name="plan"/>.</summary>
    Task<PlanResult> ApplyAsync(Plan plan, CancellationToken cancellationToken = default);
}
