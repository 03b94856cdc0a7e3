using Microsoft.Extensions.Logging;

using Reconciler.Reconciliation;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;
using Reconciler.Scheduling.State;
using Reconciler.Store;

namespace Reconciler.Evaluations;

/// <summary>
/// The scheduler's workers. A pending evaluation goes to the <see cref="EvaluationBroker"/>; the reconcile then
/// schedules whatever the broker hands out — highest priority first, one per job at a time — until it has nothing
/// ready. Each evaluation ends complete (with its placement failures and queued allocations) and, when something
/// could not be placed, a blocked evaluation is created that waits in <see cref="BlockedEvaluations"/> for capacity;
/// a blocked evaluation not waiting there (released by a capacity change, or found after a restart) is scheduled again.
/// When failed allocations wait for their reschedule delay, a follow-up evaluation is left that waits until the
/// earliest is due (requeued until its <see cref="EvaluationSpec.WaitUntil"/>), and places the replacement then.
/// </summary>
public sealed class EvaluationReconciler(EvaluationBroker broker, EvaluationProcessor processor, BlockedEvaluations blocked) : IReconciler<Evaluation>
{
    /// <inheritdoc />
    public async Task<ReconcileResult> ReconcileAsync(Evaluation resource, ReconcileContext context, CancellationToken cancellationToken)
    {
        if (!Schedulable(resource)) return ReconcileResult.Done;
        if (resource.Spec.WaitUntil is { } until && until > context.Time.GetUtcNow()) return ReconcileResult.RequeueAfter(until - context.Time.GetUtcNow());
        broker.Enqueue(resource.Key, JobKeys.Of(resource.Metadata.Namespace, resource.Spec.Job), resource.Spec.Priority);
        while (broker.TryDequeue(out var key))
        {
            var evaluation = await context.Client.GetAsync<Evaluation>(key, cancellationToken).ConfigureAwait(false);
            try
            {
                if (evaluation is not null && Schedulable(evaluation)) await ScheduleAsync(evaluation, context, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                broker.Ack(key, JobKeys.Of(key.Namespace, evaluation?.Spec.Job ?? resource.Spec.Job));
            }
        }
        return ReconcileResult.Done;
    }

    private bool Schedulable(Evaluation evaluation) => evaluation.Status.State switch
    {
        EvaluationState.Pending => true,
        EvaluationState.Blocked => !blocked.IsWaiting(evaluation.Key),
        _ => false,
    };

    private async Task ScheduleAsync(Evaluation evaluation, ReconcileContext context, CancellationToken cancellationToken)
    {
        for (; ; )
        {
            // Read before the snapshot: a capacity change after it means the outcome may already be out of date.
            var seen = blocked.CapacityVersion;
            var outcome = await processor.ProcessAsync(evaluation, cancellationToken).ConfigureAwait(false);
            if (outcome.Plan.RescheduleAt is { } due) await LeaveDelayedFollowUpAsync(DelayedFollowUp(evaluation, due), context, cancellationToken).ConfigureAwait(false);
            if (outcome.NeedsBlockedEvaluation && evaluation.Spec.TriggeredBy == EvaluationTrigger.QueuedAllocs)
            {
                // A blocked evaluation that still cannot place everything goes back to waiting rather than begetting another.
                var status = outcome.ToStatus(evaluation.Status, null) with { State = EvaluationState.Blocked };
                var written = await context.Client.UpdateStatusAsync(evaluation with { Status = status }, cancellationToken).ConfigureAwait(false);
                if (written.Resource is not { } parked || blocked.TryWait(parked.Key, seen)) return;
                evaluation = parked;
                continue;
            }
            string? followUp = null;
            if (outcome.NeedsBlockedEvaluation) followUp = await BlockAsync(BlockedFollowUp(evaluation), seen, context, cancellationToken).ConfigureAwait(false);
            if (evaluation.Spec.TriggeredBy == EvaluationTrigger.QueuedAllocs) blocked.Forget(evaluation.Key);
            await context.Client.UpdateStatusAsync(evaluation with { Status = outcome.ToStatus(evaluation.Status, followUp) }, cancellationToken).ConfigureAwait(false);
            context.Logger.LogInformation("Evaluation {Evaluation} of job {Job}: {Placed} placed, {Queued} queued, {Attempts} attempt(s)",
                evaluation.Key, evaluation.Spec.Job, outcome.Placed, outcome.Plan.Queued.Values.Sum(), outcome.Attempts);
            return;
        }
    }

    // Creates the blocked follow-up and parks it; when capacity changed during scheduling it is left unparked, and
    // queued, so the broker hands it out once this evaluation is acknowledged.
    private async Task<string> BlockAsync(Evaluation followUp, long seen, ReconcileContext context, CancellationToken cancellationToken)
    {
        var created = await context.Client.ApplyAsync(followUp, cancellationToken).ConfigureAwait(false);
        var written = await context.Client.UpdateStatusAsync(created with { Status = created.Status with { State = EvaluationState.Blocked, Description = "waiting for capacity" } }, cancellationToken).ConfigureAwait(false);
        var parked = written.Resource ?? created;
        if (!blocked.TryWait(parked.Key, seen)) broker.Enqueue(parked.Key, JobKeys.Of(parked.Metadata.Namespace, parked.Spec.Job), parked.Spec.Priority);
        return created.Metadata.Name;
    }

    // Created only when absent: a follow-up already there (waiting, or done) is the same one, left by an earlier evaluation.
    private static async Task LeaveDelayedFollowUpAsync(Evaluation followUp, ReconcileContext context, CancellationToken cancellationToken)
    {
        if (await context.Client.GetAsync<Evaluation>(followUp.Key, cancellationToken).ConfigureAwait(false) is not null) return;
        try
        {
            await context.Client.ApplyAsync(followUp, expectedRevision: 0, cancellationToken).ConfigureAwait(false);
        }
        catch (ConflictException)
        {
            // Created meanwhile by another evaluation of the job seeing the same failure.
        }
    }

    // Named by the job and the time it waits for, so every evaluation that sees the same failed allocation waiting
    // leaves the one follow-up; it waits (WaitUntil) and then places the replacement.
    private static Evaluation DelayedFollowUp(Evaluation evaluation, DateTimeOffset due) => new()
    {
        Metadata = new ObjectMeta { Name = EvaluationNames.Reschedule(evaluation.Spec.Job, due), Namespace = evaluation.Metadata.Namespace },
        Spec = evaluation.Spec with { TriggeredBy = EvaluationTrigger.AllocFailure, WaitUntil = due, PreviousEvaluation = evaluation.Metadata.Name, Node = null, DeploymentId = null },
    };

    private static Evaluation BlockedFollowUp(Evaluation evaluation) => new()
    {
        Metadata = new ObjectMeta { Name = EvaluationNames.Blocked(evaluation.Metadata.Name), Namespace = evaluation.Metadata.Namespace },
        Spec = evaluation.Spec with { TriggeredBy = EvaluationTrigger.QueuedAllocs, PreviousEvaluation = evaluation.Metadata.Name },
    };
}
