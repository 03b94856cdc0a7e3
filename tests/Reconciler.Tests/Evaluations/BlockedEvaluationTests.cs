using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

using Reconciler.Nodes;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;
using Reconciler.Scheduling.Plans;
using Reconciler.Store;
using Reconciler.Tests.Scheduling;

namespace Reconciler.Tests.Evaluations;

public sealed class BlockedEvaluationTests
{
    [Fact]
    public async Task A_job_registered_before_any_node_is_placed_when_the_first_node_becomes_ready()
    {
        await using var kit = await SchedulerKit.StartAsync();
        await kit.Kit.ApplyAsync(Cluster.Job("web", Cluster.Group("web", count: 2, cpu: 100, memoryMB: 64)));
        await kit.Kit.RunUntilIdleAsync();

        var register = (await kit.EvaluationsAsync()).Single(e => e.Spec.TriggeredBy == EvaluationTrigger.JobRegister);
        register.Status.FailedPlacements["web"].Description.Should().StartWith("no ready, eligible nodes");
        register.Status.QueuedAllocations["web"].Should().Be(2);
        (await kit.EvaluationsAsync()).Single(e => e.Metadata.Name == register.Status.BlockedEvaluation).Status.State.Should().Be(EvaluationState.Blocked);
        (await kit.AllocationsAsync("web")).Should().BeEmpty();

        await kit.JoinAsync("n1");

        (await kit.RunningAsync("web")).Should().HaveCount(2).And.OnlyContain(a => a.Spec.Node == "n1");
        (await kit.EvaluationsAsync()).Should().NotContain(e => e.Status.State == EvaluationState.Blocked || e.Status.State == EvaluationState.Pending);
    }

    [Fact]
    public async Task A_node_that_becomes_ready_while_the_job_is_being_scheduled_still_gets_the_job_placed()
    {
        await using var kit = await SchedulerKit.StartAsync(b => b.Services.Replace(ServiceDescriptor.Singleton<IPlanCommitter>(p =>
            new NodeReadyDuringCommit(p.GetRequiredService<PlanApplier>(), p.GetRequiredService<NodeRegistration>(), p.GetRequiredService<IResourceStore>(), "n1"))));

        await kit.Kit.ApplyAsync(Cluster.Job("web", Cluster.Group("web", count: 2, cpu: 100, memoryMB: 64)));
        await kit.Kit.RunUntilIdleAsync();

        (await kit.RunningAsync("web")).Should().HaveCount(2).And.OnlyContain(a => a.Spec.Node == "n1");
    }

    [Fact]
    public async Task When_all_nodes_went_down_a_job_is_placed_again_on_the_first_node_to_come_back()
    {
        await using var kit = await SchedulerKit.StartAsync();
        await kit.JoinAsync("n1");
        await kit.Kit.ApplyAsync(Cluster.Job("web", Cluster.Group("web", count: 1, cpu: 100, memoryMB: 64)));
        await kit.Kit.RunUntilIdleAsync();
        (await kit.RunningAsync("web")).Should().ContainSingle();

        await kit.Kit.AdvanceAsync(TimeSpan.FromSeconds(35));
        (await kit.NodeAsync("n1"))!.Status.State.Should().Be(NodeState.Down);
        (await kit.RunningAsync("web")).Should().BeEmpty("the only node is down and its allocation lost");

        await kit.JoinAsync("n2");

        (await kit.RunningAsync("web")).Should().ContainSingle().Which.Spec.Node.Should().Be("n2");
    }

    [Fact]
    public async Task A_blocked_evaluation_is_retried_when_a_stopped_allocation_frees_room()
    {
        await using var kit = await SchedulerKit.StartAsync();
        await kit.JoinAsync("n1", cpu: 1000);
        await kit.Kit.ApplyAsync(Cluster.Job("big", Cluster.Group("big", count: 1, cpu: 800, memoryMB: 64)));
        await kit.Kit.RunUntilIdleAsync();
        var big = (await kit.RunningAsync("big")).Should().ContainSingle().Subject;
        await kit.StartAsync([big]);

        await kit.Kit.ApplyAsync(Cluster.Job("web", Cluster.Group("web", count: 1, cpu: 500, memoryMB: 64)));
        await kit.Kit.RunUntilIdleAsync();
        (await kit.RunningAsync("web")).Should().BeEmpty("n1 has 200 MHz left");

        var current = (await kit.Kit.GetAsync<Allocation>(big.Key))!;
        await kit.Kit.Client.UpdateStatusAsync(current with { Status = current.Status with { ClientStatus = AllocationClientStatus.Complete } });
        await kit.Kit.RunUntilIdleAsync();

        (await kit.RunningAsync("web")).Should().ContainSingle().Which.Spec.Node.Should().Be("n1");
    }

    [Fact]
    public async Task A_blocked_evaluation_is_retried_when_a_node_becomes_eligible_again()
    {
        await using var kit = await SchedulerKit.StartAsync();
        await kit.JoinAsync("n1");
        var node = (await kit.NodeAsync("n1"))!;
        await kit.Kit.ApplyAsync(node with { Spec = node.Spec with { SchedulingEligibility = SchedulingEligibility.Ineligible } });
        await kit.Kit.RunUntilIdleAsync();
        await kit.Kit.ApplyAsync(Cluster.Job("web", Cluster.Group("web", count: 2, cpu: 100, memoryMB: 64)));
        await kit.Kit.RunUntilIdleAsync();
        (await kit.AllocationsAsync("web")).Should().BeEmpty();

        node = (await kit.NodeAsync("n1"))!;
        await kit.Kit.ApplyAsync(node with { Spec = node.Spec with { SchedulingEligibility = SchedulingEligibility.Eligible } });
        await kit.Kit.RunUntilIdleAsync();

        (await kit.RunningAsync("web")).Should().HaveCount(2).And.OnlyContain(a => a.Spec.Node == "n1");
    }
}
