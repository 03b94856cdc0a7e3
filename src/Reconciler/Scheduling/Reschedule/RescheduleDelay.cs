using Reconciler.Resources.Kinds;

namespace Reconciler.Scheduling.Reschedule;

/// <summary>
/// How long a failed allocation waits before its replacement is placed, grown from the delays of the reschedules
/// before it: always <c>delay</c> (constant), doubling (exponential) or the sum of the last two (fibonacci:
/// delay, delay, 2×delay, 3×delay, 5×delay…), never past <c>maxDelay</c>. An allocation that ran longer than
/// <c>maxDelay</c> since its last reschedule was stable, so its failure starts the sequence over.
/// </summary>
public static class RescheduleDelay
{
    /// <summary>The wait after a failure at <paramref name="failedAt"/> of an allocation whose past reschedules are <paramref name="history"/> (oldest first).</summary>
    public static TimeSpan Next(ReschedulePolicy policy, IReadOnlyList<RescheduleEvent> history, DateTimeOffset failedAt)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(history);
        var first = policy.Delay ?? TimeSpan.Zero;
        var function = policy.DelayFunction ?? DelayFunction.Constant;
        if (function == DelayFunction.Constant || history.Count == 0) return first;
        var max = policy.MaxDelay ?? first;
        if (failedAt - history[^1].Time > max) return first;
        var grown = function == DelayFunction.Exponential
            ? history[^1].Delay * 2
            : history.Count < 2 ? first : history[^1].Delay + history[^2].Delay;
        return grown > max ? max : grown;
    }
}
