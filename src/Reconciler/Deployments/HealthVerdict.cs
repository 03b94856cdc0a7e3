namespace Reconciler.Deployments;

/// <summary>What <see cref="AllocationHealthJudge"/> decided about one allocation.</summary>
/// <param name="Healthy">True healthy, false unhealthy, null not decided yet.</param>
/// <param name="At">When it was decided.</param>
/// <param name="RecheckAt">When an undecided allocation must be judged again (it may turn healthy, or miss its deadline).</param>
public sealed record HealthVerdict(bool? Healthy, DateTimeOffset? At, DateTimeOffset? RecheckAt)
{
    /// <summary>Not decided, nothing to wait for (e.g. manual health not set).</summary>
    public static HealthVerdict Undecided { get; } = new(null, null, null);
}
