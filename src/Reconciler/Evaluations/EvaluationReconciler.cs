using Microsoft.Extensions.Logging;

using Reconciler.Reconciliation;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;
using Reconciler.Scheduling.State;

namespace Reconciler.Evaluations;

/// <summary>
/// The scheduler's workers. A pending evaluation goes to the <see cref="EvaluationBroker"/>; the reconcile then
/// schedules whatever the broker hands out — highest priority first, one per job at a time — until it has nothing
/// ready. Each evaluation ends complete (with its placement failures and queued allocations) and, when something
/// could not be placed, a blocked evaluation is created that waits for capacity.
/// </summary>
public sealed class EvaluationReconciler(EvaluationBroker broker, EvaluationProcessor processor) : IReconciler<Evaluation>
{
    /// <inheritdoc />
    public async Task<ReconcileResult> ReconcileAsync(Evaluation resource, ReconcileContext context, CancellationToken cancellationToken)
    {
        if (resource.Status.State != EvaluationState.Pending) return ReconcileResult.Done;
        if (resource.Spec.WaitUntil is { } until && until > context.Time.GetUtcNow()) return ReconcileResult.RequeueAfter(until - context.Time.GetUtcNow());
        broker.Enqueue(resource.Key, JobKeys.Of(resource.Metadata.Namespace, resource.Spec.Job), resource.Spec.Priority);
        while (broker.TryDequeue(out var key))
        {
            var evaluation = await context.Client.GetAsync<Evaluation>(key, cancellationToken).ConfigureAwait(false);
            try
            {
                if (evaluation is { Status.State: EvaluationState.Pending }) await ScheduleAsync(evaluation, context, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                broker.Ack(key, JobKeys.Of(key.Namespace, evaluation?.Spec.Job ?? resource.Spec.Job));
            }
        }
        return ReconcileResult.Done;
    }

    private async Task ScheduleAsync(Evaluation evaluation, ReconcileContext context, CancellationToken cancellationToken)
    {
        var outcome = await processor.ProcessAsync(evaluation, cancellationToken).ConfigureAwait(false);
        string? blocked = null;
        if (outcome.NeedsBlockedEvaluation && evaluation.Spec.TriggeredBy == EvaluationTrigger.QueuedAllocs)
        {
            // A blocked evaluation that still cannot place everything goes back to waiting rather than begetting another.
            var status = outcome.ToStatus(evaluation.Status, null) with { State = EvaluationState.Blocked };
            await context.Client.UpdateStatusAsync(evaluation with { Status = status }, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (outcome.NeedsBlockedEvaluation)
        {
            var created = await context.Client.ApplyAsync(BlockedFollowUp(evaluation), cancellationToken).ConfigureAwait(false);
            blocked = created.Metadata.Name;
            await context.Client.UpdateStatusAsync(created with { Status = created.Status with { State = EvaluationState.Blocked, Description = "waiting for capacity" } }, cancellationToken).ConfigureAwait(false);
        }
        await context.Client.UpdateStatusAsync(evaluation with { Status = outcome.ToStatus(evaluation.Status, blocked) }, cancellationToken).ConfigureAwait(false);
        context.Logger.LogInformation("Evaluation {Evaluation} of job {Job}: {Placed} placed, {Queued} queued, {Attempts} attempt(s)",
            evaluation.Key, evaluation.Spec.Job, outcome.Placed, outcome.Plan.Queued.Values.Sum(), outcome.Attempts);
    }

    private static Evaluation BlockedFollowUp(Evaluation evaluation) => new()
    {
        Metadata = new ObjectMeta { Name = $"{evaluation.Metadata.Name}-blocked", Namespace = evaluation.Metadata.Namespace },
        Spec = evaluation.Spec with { TriggeredBy = EvaluationTrigger.QueuedAllocs, PreviousEvaluation = evaluation.Metadata.Name },
    };
}
