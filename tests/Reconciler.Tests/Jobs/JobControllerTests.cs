using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;
using Reconciler.Store;
using Reconciler.Tests.Scheduling;

namespace Reconciler.Tests.Jobs;

public sealed class JobControllerTests
{
    [Fact]
    public async Task Running_a_job_evaluates_it_places_its_allocations_and_summarises_them_on_the_job()
    {
        await using var kit = await SchedulerKit.StartAsync();
        await kit.JoinAsync("n1");

        await kit.Kit.ApplyAsync(Cluster.Job("web", Cluster.Group("web", count: 3, cpu: 100, memoryMB: 64)));
        await kit.Kit.RunUntilIdleAsync();
        await kit.StartAsync((await kit.RunningAsync("web")).Take(2));

        var allocations = await kit.RunningAsync("web");
        allocations.Select(a => a.Spec.Name).Should().BeEquivalentTo("web.web[0]", "web.web[1]", "web.web[2]");
        var job = (await kit.Kit.GetAsync<Job>(new ResourceKey("Job", "default", "web")))!;
        job.Status.State.Should().Be(JobState.Running);
        job.Status.Summary["web"].Should().Be(new GroupSummary { Running = 2, Starting = 1 });
        var evaluation = (await kit.Kit.Store.ListAsync(new ListQuery("Evaluation", "default"))).Items.Cast<Evaluation>().Should().ContainSingle().Subject;
        evaluation.Spec.TriggeredBy.Should().Be(EvaluationTrigger.JobRegister);
        evaluation.Status.State.Should().Be(EvaluationState.Complete);
    }

    [Fact]
    public async Task Changing_only_the_count_is_a_scaling_and_what_does_not_fit_waits_in_a_blocked_evaluation()
    {
        await using var kit = await SchedulerKit.StartAsync();
        await kit.JoinAsync("n1", cpu: 1000);
        var job = await kit.Kit.ApplyAsync(Cluster.Job("web", Cluster.Group("web", count: 1, cpu: 400, memoryMB: 64)));
        await kit.Kit.RunUntilIdleAsync();

        await kit.Kit.ApplyAsync(job with { Spec = job.Spec with { Groups = [job.Spec.Groups[0] with { Count = 3 }] } });
        await kit.Kit.RunUntilIdleAsync();

        var evaluations = (await kit.Kit.Store.ListAsync(new ListQuery("Evaluation", "default"))).Items.Cast<Evaluation>().ToList();
        var scaling = evaluations.Single(e => e.Spec.TriggeredBy == EvaluationTrigger.JobScaling);
        scaling.Status.FailedPlacements["web"].Description.Should().Be("1 node exhausted on cpu");
        scaling.Status.QueuedAllocations["web"].Should().Be(1);
        evaluations.Single(e => e.Metadata.Name == scaling.Status.BlockedEvaluation).Status.State.Should().Be(EvaluationState.Blocked);
        (await kit.Kit.GetAsync<Job>(job.Key))!.Status.Summary["web"].Queued.Should().Be(1);

        await kit.JoinAsync("n2", cpu: 1000);

        (await kit.RunningAsync("web")).Should().HaveCount(3);
    }

    [Fact]
    public async Task Stopping_a_job_is_a_new_version_whose_deregister_evaluation_stops_every_allocation_and_the_job_stays_dead()
    {
        await using var kit = await SchedulerKit.StartAsync();
        var job = await StartWebAsync(kit, count: 2);

        await kit.Kit.ApplyAsync(job with { Spec = job.Spec with { Stop = true } });
        await kit.Kit.RunUntilIdleAsync();

        (await kit.AllocationsAsync("web")).Should().HaveCount(2).And.OnlyContain(a => a.Spec.DesiredStatus == AllocationDesiredStatus.Stop);
        var stopped = (await kit.Kit.GetAsync<Job>(job.Key))!;
        stopped.Metadata.Generation.Should().Be(2);
        stopped.Status.State.Should().Be(JobState.Dead);
        var evaluations = (await kit.Kit.Store.ListAsync(new ListQuery("Evaluation", "default"))).Items.Cast<Evaluation>();
        evaluations.Should().Contain(e => e.Metadata.Name == "web-v2" && e.Spec.TriggeredBy == EvaluationTrigger.JobDeregister && e.Status.State == EvaluationState.Complete);
    }

    [Fact]
    public async Task Running_a_stopped_job_again_places_new_allocations()
    {
        await using var kit = await SchedulerKit.StartAsync();
        await kit.JoinAsync("n1");
        var job = await kit.Kit.ApplyAsync(Cluster.Job("web", Cluster.Group("web", count: 2, cpu: 100, memoryMB: 64)));
        await kit.Kit.RunUntilIdleAsync();
        var stopped = await kit.Kit.ApplyAsync(job with { Spec = job.Spec with { Stop = true } });
        await kit.Kit.RunUntilIdleAsync();

        await kit.Kit.ApplyAsync(stopped with { Spec = stopped.Spec with { Stop = null } });
        await kit.Kit.RunUntilIdleAsync();

        (await kit.RunningAsync("web")).Should().HaveCount(2).And.OnlyContain(a => a.Spec.JobVersion == 3);
        (await kit.Kit.GetAsync<Job>(job.Key))!.Status.State.Should().Be(JobState.Pending);
    }

    [Fact]
    public async Task Deleting_a_job_stops_its_allocations_then_removes_them_and_its_evaluations_with_the_job()
    {
        await using var kit = await SchedulerKit.StartAsync();
        var job = await StartWebAsync(kit, count: 2);

        await kit.Kit.Client.DeleteAsync(job.Key);
        await kit.Kit.RunUntilIdleAsync();

        // The client has not reported the tasks ended yet: the purge waits for it.
        (await kit.AllocationsAsync("web")).Should().HaveCount(2).And.OnlyContain(a => a.Spec.DesiredStatus == AllocationDesiredStatus.Stop);
        (await kit.Kit.GetAsync<Job>(job.Key)).Should().NotBeNull();
        foreach (var allocation in await kit.AllocationsAsync("web"))
            await kit.Kit.Client.UpdateStatusAsync(allocation with { Status = allocation.Status with { ClientStatus = AllocationClientStatus.Complete } });
        await kit.Kit.AdvanceAsync(TimeSpan.FromSeconds(1));

        (await kit.Kit.GetAsync<Job>(job.Key)).Should().BeNull();
        (await kit.AllocationsAsync("web")).Should().BeEmpty();
        (await kit.Kit.Store.ListAsync(new ListQuery("Evaluation", "default"))).Items.Should().BeEmpty();
    }

    [Fact]
    public async Task A_purge_does_not_wait_past_its_grace_for_a_client_that_never_reports()
    {
        await using var kit = await SchedulerKit.StartAsync();
        var job = await StartWebAsync(kit, count: 1);

        await kit.Kit.Client.DeleteAsync(job.Key);
        await kit.Kit.AdvanceAsync(global::Reconciler.Jobs.JobDeregisterFinalizer.StopGrace + TimeSpan.FromSeconds(1));

        (await kit.Kit.GetAsync<Job>(job.Key)).Should().BeNull();
        (await kit.AllocationsAsync("web")).Should().BeEmpty();
    }

    // One node running job "web" with <count> allocations whose tasks the client has started.
    private static async Task<Job> StartWebAsync(SchedulerKit kit, int count)
    {
        await kit.JoinAsync("n1");
        var job = await kit.Kit.ApplyAsync(Cluster.Job("web", Cluster.Group("web", count: count, cpu: 100, memoryMB: 64)));
        await kit.Kit.RunUntilIdleAsync();
        await kit.StartAsync(await kit.RunningAsync("web"));
        return job;
    }
}
