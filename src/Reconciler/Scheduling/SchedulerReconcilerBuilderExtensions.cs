using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

using Reconciler.Evaluations;
using Reconciler.Hosting;
using Reconciler.Informers;
using Reconciler.Jobs;
using Reconciler.Nodes;
using Reconciler.Resources.Kinds;
using Reconciler.Scheduling.Plans;
using Reconciler.Scheduling.State;

namespace Reconciler.Scheduling;

/// <summary>Adds the scheduler and its controllers (jobs, evaluations, nodes) to a runtime.</summary>
public static class SchedulerReconcilerBuilderExtensions
{
    /// <summary>
    /// Registers the cluster state (fed from the informer), the scheduler, the plan applier, the evaluation broker
    /// and the job, evaluation and node controllers, plus <see cref="NodeRegistration"/> for client agents.
    /// </summary>
    public static ReconcilerBuilder AddScheduler(this ReconcilerBuilder builder, SchedulerOptions? scheduler = null, NodeOptions? nodes = null)
    {
        var services = builder.Services;
        services.TryAddSingleton(scheduler ?? new SchedulerOptions());
        services.TryAddSingleton(nodes ?? new NodeOptions());
        services.TryAddSingleton(provider => FedTracker(provider.GetRequiredService<ResourceInformer>()));
        services.TryAddSingleton(provider => new Scheduler(provider.GetRequiredService<SchedulerOptions>()));
        services.TryAddSingleton<PlanApplier>();
        services.TryAddSingleton<IPlanCommitter>(provider => provider.GetRequiredService<PlanApplier>());
        services.TryAddSingleton<EvaluationBroker>();
        services.TryAddSingleton<EvaluationProcessor>();
        services.TryAddSingleton<BlockedEvaluations>();
        services.TryAddSingleton<NodeRegistration>();
        services.TryAddSingleton<DryRunPlanner>();
        return builder
            .AddController<JobReconciler, Job>(o => o
                .WithFinalizer<JobDeregisterFinalizer>(JobReconciler.DeregisterFinalizer)
                .Watch<Allocation>(a => [new("Job", a.Metadata.Namespace, a.Spec.Job)])
                .Watch<Evaluation>(e => [new("Job", e.Metadata.Namespace, e.Spec.Job)]))
            .AddController<EvaluationReconciler, Evaluation>()
            .AddController<NodeReconciler, Node>(o => o.Watch<Allocation>(a => [new("Node", null, a.Spec.Node)]));
    }

    // The tracker follows every node and allocation the informer sees; subscribing after the informer started
    // replays what it cached, so the tracker is complete whenever it is first resolved.
    private static ClusterStateTracker FedTracker(ResourceInformer informer)
    {
        var tracker = new ClusterStateTracker();
        informer.Subscribe("Node", change =>
        {
            if (change.Type == ResourceChangeType.Deleted) tracker.ForgetNode(change.Object.Metadata.Name);
            else tracker.Observe((Node)change.Object);
        });
        informer.Subscribe("Allocation", change =>
        {
            var record = AllocationRecord.From((Allocation)change.Object);
            if (change.Type == ResourceChangeType.Deleted) tracker.Forget(record);
            else tracker.Observe([record]);
        });
        return tracker;
    }
}
