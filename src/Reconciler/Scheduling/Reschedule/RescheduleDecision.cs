using Reconciler.Resources.Kinds;
using Reconciler.Scheduling.State;

namespace Reconciler.Scheduling.Reschedule;

/// <summary>
/// What the group's reschedule policy says about one failed allocation: replace it once <see cref="DueAt"/> has
/// come (carrying <see cref="History"/> onto the replacement), or never, its attempts within the interval used up.
/// </summary>
/// <param name="DueAt">When the replacement may be placed; null when the attempts are exhausted.</param>
/// <param name="History">The reschedule events the replacement carries: the failed allocation's (those still counted) and this one.</param>
public sealed record RescheduleDecision(DateTimeOffset? DueAt, IReadOnlyList<RescheduleEvent> History)
{
    // Unlimited policies count nothing, but fibonacci needs the last two delays and the reset the last time.
    private const int KeptWhenUnlimited = 4;

    /// <summary>No attempt is left: the failed allocation stays failed.</summary>
    public bool IsExhausted => DueAt is null;

    /// <summary>The replacement may be placed at <paramref name="now"/>.</summary>
    public bool IsDue(DateTimeOffset now) => DueAt <= now;

    /// <summary>
    /// The decision for <paramref name="failed"/> under <paramref name="policy"/>. The failure's time anchors both the
    /// delay and the interval attempts are counted in, so the answer does not move with the time it is asked at; a
    /// failure of unknown time is due at <paramref name="now"/>.
    /// </summary>
    public static RescheduleDecision For(AllocationRecord failed, ReschedulePolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(failed);
        ArgumentNullException.ThrowIfNull(policy);
        var failedAt = failed.FinishedAt ?? now;
        var unlimited = policy.Unlimited ?? false;
        var interval = policy.Interval ?? TimeSpan.Zero;
        IReadOnlyList<RescheduleEvent> counted = unlimited
            ? [.. failed.RescheduleEvents.TakeLast(KeptWhenUnlimited)]
            : [.. failed.RescheduleEvents.Where(e => e.Time > failedAt - interval)];
        if (!unlimited && counted.Count >= (policy.Attempts ?? 0)) return new RescheduleDecision(null, counted);
        var delay = RescheduleDelay.Next(policy, failed.RescheduleEvents, failedAt);
        var dueAt = failed.FinishedAt is { } at ? at + delay : now;
        var next = new RescheduleEvent { PreviousAllocation = failed.Id, PreviousNode = failed.Node, Time = now, Delay = delay };
        return new RescheduleDecision(dueAt, [.. counted, next]);
    }
}
