using Reconciler.Resources.Kinds;
using Reconciler.Scheduling.Plans;

namespace Reconciler.Scheduling;

/// <summary>
/// The scheduler's one entry point: a <see cref="SchedulerState"/> in, a <see cref="Plan"/> out, nothing written.
/// Service and batch jobs go to the <see cref="GenericScheduler"/>, system and sysbatch jobs to the
/// <see cref="SystemScheduler"/>. Pure, so tests and <c>job plan</c> run it on any snapshot.
/// </summary>
public sealed class Scheduler(SchedulerOptions? options = null)
{
    private readonly SchedulerOptions _options = options ?? new SchedulerOptions();

    /// <summary>The options placements are made with.</summary>
    public SchedulerOptions Options => _options;

    /// <summary>Plans <paramref name="state"/>.</summary>
    public Plan Schedule(SchedulerState state) => state.Job?.Spec.Type switch
    {
        JobType.System or JobType.Sysbatch => new SystemScheduler(_options).Schedule(state),
        _ => new GenericScheduler(_options).Schedule(state),
    };
}
