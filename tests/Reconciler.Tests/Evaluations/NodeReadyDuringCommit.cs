using Reconciler.Nodes;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;
using Reconciler.Scheduling.Plans;
using Reconciler.Store;
using Reconciler.Tests.Scheduling;

namespace Reconciler.Tests.Evaluations;

/// <summary>
/// A plan committer that, before committing the first plan, has a node join and waits until the node controller
/// has seen it ready — the race of a job and its first node arriving together.
/// </summary>
internal sealed class NodeReadyDuringCommit(PlanApplier applier, NodeRegistration nodes, IResourceStore store, string node) : IPlanCommitter
{
    private int _commits;

    public async Task<PlanResult> ApplyAsync(Plan plan, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Increment(ref _commits) == 1)
        {
            await nodes.RegisterAsync(node, Cluster.Node(node).Spec, cancellationToken);
            await nodes.HeartbeatAsync(node, cancellationToken: cancellationToken);
            using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            patience.CancelAfter(TimeSpan.FromSeconds(10));
            while (await store.GetAsync(new ResourceKey("Node", null, node), patience.Token) is not Node { Status.EvaluatedSchedulability: "Ready/Eligible/-" })
                await Task.Delay(10, patience.Token);
        }
        return await applier.ApplyAsync(plan, cancellationToken);
    }
}
