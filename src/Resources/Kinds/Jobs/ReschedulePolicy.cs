using System.ComponentModel.DataAnnotations;

namespace Reconciler.Resources.Kinds;

/// <summary>
/// How a failed allocation is replaced on another node (Nomad's <c>reschedule</c> block). Fields
/// are null when not written; <see cref="JobDefaults"/> fills them with the job type's defaults.
/// </summary>
public sealed record ReschedulePolicy
{
    /// <summary>Reschedules allowed within <see cref="Interval"/> (ignored when unlimited).</summary>
    [Range(0, int.MaxValue)]
    public int? Attempts { get; init; }

    /// <summary>The sliding window in which attempts are counted.</summary>
    public TimeSpan? Interval { get; init; }

    /// <summary>The first wait before rescheduling.</summary>
    public TimeSpan? Delay { get; init; }

    /// <summary>How the wait grows between reschedules.</summary>
    public DelayFunction? DelayFunction { get; init; }

    /// <summary>The longest wait the delay function may reach.</summary>
    public TimeSpan? MaxDelay { get; init; }

    /// <summary>Reschedule without limit.</summary>
    public bool? Unlimited { get; init; }
}
