using System.Text.Json.Nodes;

using Microsoft.Extensions.DependencyInjection;

using Reconciler.Nodes;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;

namespace Reconciler.Drivers.Tests.Client;

/// <summary>
/// The whole loop on the fake clock: the client restarts a failing mock task per its restart policy and fails the
/// allocation; the server waits out the reschedule delay and places the replacement on another node.
/// </summary>
public sealed class RescheduleTests : IDisposable
{
    private static readonly TimeSpan RescheduleDelay = TimeSpan.FromSeconds(20);
    private readonly string _data = Directory.CreateTempSubdirectory("recon-resched-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task A_task_that_always_fails_is_restarted_per_policy_then_rescheduled_onto_another_node_after_the_delay()
    {
        await using var bed = await ClientTestBed.StartAsync(_data);
        var restart = new RestartPolicy { Attempts = 1, Interval = TimeSpan.FromMinutes(30), Delay = TimeSpan.FromSeconds(5), Mode = RestartMode.Fail };
        var job = ClientTestBed.Job("crash", JobType.Service, restart, ClientTestBed.MockTask("app", new JsonObject { ["runFor"] = "1s", ["exitCode"] = 2 }));
        job = job with { Spec = job.Spec with { Groups = [job.Spec.Groups[0] with { Reschedule = new ReschedulePolicy { Delay = RescheduleDelay, DelayFunction = DelayFunction.Constant, Unlimited = true } }] } };
        await bed.Kit.ApplyAsync(job);
        await bed.SettleUntilAsync(() => bed.Allocations("crash") is [{ Status.ClientStatus: AllocationClientStatus.Running }], "the task running on node-1, the only node");
        var first = bed.Allocations("crash")[0];
        // A second node joins after the placement: a simulated one, like node-1 but with no client running tasks there.
        var registration = bed.Kit.Services.GetRequiredService<NodeRegistration>();
        await registration.RegisterAsync("node-2", bed.Kit.Cache.Get<Node>(new ResourceKey("Node", null, "node-1"))!.Spec);
        await registration.HeartbeatAsync("node-2");

        await bed.AdvanceAsync(TimeSpan.FromSeconds(1));
        await bed.SettleUntilAsync(() => Current(bed, first).Status.TaskStates["app"].Restarts == 0 && Current(bed, first).Status.TaskStates["app"].Events.Any(e => e.Type == "Restarting"), "the first exit and a restart planned");
        await bed.AdvanceAsync(TimeSpan.FromSeconds(5));
        await bed.SettleUntilAsync(() => Current(bed, first).Status.TaskStates["app"].Restarts == 1, "the restart");
        await bed.AdvanceAsync(TimeSpan.FromSeconds(1));
        await bed.SettleUntilAsync(() => Current(bed, first).Status.ClientStatus == AllocationClientStatus.Failed, "the allocation failed, its restarts used up");
        var failedAt = bed.Kit.Time.GetUtcNow();

        await registration.HeartbeatAsync("node-2");
        await bed.AdvanceAsync(RescheduleDelay - TimeSpan.FromSeconds(1));
        await bed.Kit.RunUntilIdleAsync();
        bed.Allocations("crash").Should().ContainSingle("the reschedule delay has not passed");

        await registration.HeartbeatAsync("node-2");
        await bed.AdvanceAsync(TimeSpan.FromSeconds(1));
        await bed.SettleUntilAsync(() => bed.Allocations("crash").Any(a => a.Spec.PreviousAllocation == first.Metadata.Name), "the replacement");

        var replacement = bed.Allocations("crash").Single(a => a.Spec.PreviousAllocation == first.Metadata.Name).Spec;
        replacement.Node.Should().Be("node-2", "the node the allocation failed on is penalised");
        replacement.RescheduleEvents.Should().ContainSingle().Which.Should().Be(new RescheduleEvent
        {
            PreviousAllocation = first.Metadata.Name, PreviousNode = "node-1", Time = failedAt + RescheduleDelay, Delay = RescheduleDelay,
        });
        Current(bed, first).Status.TaskStates["app"].Events.Select(e => e.Type).Should().ContainInOrder("Started", "Terminated", "Restarting", "Started", "Terminated", "Not Restarting");
    }

    private static Allocation Current(ClientTestBed bed, Allocation allocation) => bed.Kit.Cache.Get<Allocation>(allocation.Key)!;
}
