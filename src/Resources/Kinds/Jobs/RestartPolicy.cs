using System.ComponentModel.DataAnnotations;

namespace Reconciler.Resources.Kinds;

/// <summary>
/// How a failed task is restarted on its node (Nomad's <c>restart</c> block). Fields are null when
/// not written; <see cref="JobDefaults"/> fills them with the defaults of the job type.
/// </summary>
public sealed record RestartPolicy
{
    /// <summary>Restarts allowed within <see cref="Interval"/>.</summary>
    [Range(0, int.MaxValue)]
    public int? Attempts { get; init; }

    /// <summary>The window in which attempts are counted.</summary>
    public TimeSpan? Interval { get; init; }

    /// <summary>Wait before each restart.</summary>
    public TimeSpan? Delay { get; init; }

    /// <summary>What happens when attempts run out within the interval.</summary>
    public RestartMode? Mode { get; init; }
}
