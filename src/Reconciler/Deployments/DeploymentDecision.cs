using Reconciler.Resources.Kinds;

namespace Reconciler.Deployments;

/// <summary>What one look at a deployment decided, as plain data; <see cref="DeploymentReconciler"/> applies it.</summary>
/// <param name="Status">The deployment's new status.</param>
/// <param name="HealthWrites">Allocations whose health was just decided, with that health.</param>
/// <param name="Evaluate">
/// The rollout may go on: the scheduler must look at the current step (healthy count, promotions) once; the
/// evaluation is named after the step, so asking again for the same step is harmless.
/// </param>
/// <param name="Revert">The deployment failed and its auto-revert is still to be made (<see cref="DeploymentStatus.RevertPending"/>).</param>
/// <param name="MarkStable">The deployment just succeeded: its job version is stable.</param>
/// <param name="RecheckAt">When to look again although nothing changes (health becomes due, a deadline passes).</param>
public sealed record DeploymentDecision(
    DeploymentStatus Status,
    IReadOnlyList<(Allocation Allocation, AllocationHealth Health)> HealthWrites,
    bool Evaluate,
    bool Revert,
    bool MarkStable,
    DateTimeOffset? RecheckAt);
