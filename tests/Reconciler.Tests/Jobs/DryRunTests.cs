using Reconciler.Resources.Kinds;
using Reconciler.Tests.Scheduling;

namespace Reconciler.Tests.Jobs;

public sealed class DryRunTests
{
    [Fact]
    public async Task Planning_a_job_change_shows_the_plan_and_writes_nothing()
    {
        await using var kit = await SchedulerKit.StartAsync();
        await kit.JoinAsync("n1", cpu: 1000);
        var job = await kit.Kit.ApplyAsync(Cluster.Job("web", Cluster.Group("web", count: 1, cpu: 400, memoryMB: 64)));
        await kit.Kit.RunUntilIdleAsync();
        var revision = kit.Kit.Store.Revision;
        var planner = (Reconciler.Scheduling.DryRunPlanner)kit.Kit.Services.GetService(typeof(Reconciler.Scheduling.DryRunPlanner))!;

        var plan = await planner.PlanAsync(job with { Spec = job.Spec with { Groups = [job.Spec.Groups[0] with { Count = 3 }] } });

        plan.JobVersion.Should().Be(job.Metadata.Generation + 1);
        plan.Changes["web"].Should().Be(new GroupDesiredChanges { Place = 2, InPlaceUpdate = 1 });
        plan.Placements.Should().ContainSingle();
        plan.Failures["web"].Description.Should().Be("1 node exhausted on cpu");
        kit.Kit.Store.Revision.Should().Be(revision);
    }
}
