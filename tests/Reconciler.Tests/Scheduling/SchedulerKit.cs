using Reconciler.Nodes;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;
using Reconciler.Scheduling;
using Reconciler.Store;
using Reconciler.Testing;

namespace Reconciler.Tests.Scheduling;

/// <summary>A runtime with the scheduler's controllers on the test kit, and the client agent's side of nodes.</summary>
internal sealed class SchedulerKit : IAsyncDisposable
{
    private SchedulerKit(ReconcilerTestKit kit) => Kit = kit;

    public ReconcilerTestKit Kit { get; }

    public NodeRegistration Nodes => (NodeRegistration)Kit.Services.GetService(typeof(NodeRegistration))!;

    public static async Task<SchedulerKit> StartAsync(Action<global::Reconciler.Hosting.ReconcilerBuilder>? more = null, NodeOptions? nodes = null) =>
        new(await ReconcilerTestKit.StartAsync(b =>
        {
            b.AddScheduler(new SchedulerOptions { Seed = 11 }, nodes);
            more?.Invoke(b);
        }));

    public async Task JoinAsync(string name, string datacenter = "dc1", int cpu = 4000, int memoryMB = 8192)
    {
        await Nodes.RegisterAsync(name, Cluster.Node(name, datacenter, cpu, memoryMB).Spec);
        await Nodes.HeartbeatAsync(name);
        await Kit.RunUntilIdleAsync();
    }

    public async Task<IReadOnlyList<Allocation>> AllocationsAsync(string job) =>
        [.. (await Kit.Store.ListAsync(new ListQuery("Allocation", "default"))).Items.Cast<Allocation>().Where(a => a.Spec.Job == job)];

    public async Task<IReadOnlyList<Evaluation>> EvaluationsAsync() =>
        [.. (await Kit.Store.ListAsync(new ListQuery("Evaluation", "default"))).Items.Cast<Evaluation>()];

    public async Task<IReadOnlyList<Allocation>> RunningAsync(string job) =>
        [.. (await AllocationsAsync(job)).Where(a => a.Spec.DesiredStatus == AllocationDesiredStatus.Run)];

    /// <summary>Reports allocations as the client would: their tasks run.</summary>
    public async Task StartAsync(IEnumerable<Allocation> allocations)
    {
        foreach (var allocation in allocations)
        {
            var current = (Allocation)(await Kit.Store.GetAsync(allocation.Key))!;
            await Kit.Client.UpdateStatusAsync(current with { Status = current.Status with { ClientStatus = AllocationClientStatus.Running } });
        }
        await Kit.RunUntilIdleAsync();
    }

    public Task<Node?> NodeAsync(string name) => Kit.GetAsync<Node>(new ResourceKey("Node", null, name)).AsTask();

    public ValueTask DisposeAsync() => Kit.DisposeAsync();
}
