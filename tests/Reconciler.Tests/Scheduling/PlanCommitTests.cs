using Microsoft.Extensions.Time.Testing;

using Reconciler.Evaluations;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;
using Reconciler.Scheduling;
using Reconciler.Scheduling.Plans;
using Reconciler.Scheduling.State;
using Reconciler.Store;

namespace Reconciler.Tests.Scheduling;

public sealed class PlanCommitTests : IAsyncLifetime
{
    private readonly InMemoryResourceStore _store = new();
    private readonly ClusterStateTracker _tracker = new();
    private readonly Scheduler _scheduler = new(new SchedulerOptions { Seed = 3 });
    private PlanApplier _applier = null!;

    public async Task InitializeAsync()
    {
        var node = (Node)await _store.PutAsync(Cluster.Node("last", cpu: 1000, memoryMB: 2048));
        _tracker.Reset([node], []);
        _applier = new PlanApplier(_store, _tracker);
        foreach (var name in new[] { "first", "second" })
            await _store.PutAsync(Cluster.Job(name, Cluster.Group(name, cpu: 600, memoryMB: 512)));
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Two_plans_racing_for_the_last_capacity_commit_one_and_reject_the_other_at_commit()
    {
        var snapshot = _tracker.Current;
        var first = _scheduler.Schedule(await StateAsync("first", snapshot));
        var second = _scheduler.Schedule(await StateAsync("second", snapshot));
        first.Placements.Should().ContainSingle().Which.Spec.Node.Should().Be("last");
        second.Placements.Should().ContainSingle().Which.Spec.Node.Should().Be("last");

        var won = await _applier.ApplyAsync(first);
        var lost = await _applier.ApplyAsync(second);

        won.Placed.Should().ContainSingle();
        lost.IsPartial.Should().BeTrue();
        lost.RejectedNodes.Should().Equal("last");
        lost.Placed.Should().BeEmpty();
        await ShouldNotBeOvercommittedAsync();
    }

    [Fact]
    public async Task The_evaluation_that_loses_the_race_plans_again_and_reports_the_node_exhausted()
    {
        var snapshot = _tracker.Current;
        await _applier.ApplyAsync(_scheduler.Schedule(await StateAsync("first", snapshot)));
        var processor = new EvaluationProcessor(_store, _tracker, _scheduler, new StaleFirstApplier(_applier, await StateAsync("second", snapshot), _scheduler), new FakeTimeProvider());

        var outcome = await processor.ProcessAsync(EvaluationOf("second"), CancellationToken.None);

        outcome.Attempts.Should().Be(2);
        outcome.Placed.Should().Be(0);
        outcome.Plan.Failures["second"].Description.Should().Be("1 node exhausted on cpu");
        outcome.NeedsBlockedEvaluation.Should().BeTrue();
        await ShouldNotBeOvercommittedAsync();
    }

    [Fact]
    public async Task Evaluations_processed_at_once_never_overcommit_the_node()
    {
        var processor = new EvaluationProcessor(_store, _tracker, _scheduler, _applier, new FakeTimeProvider());

        var outcomes = await Task.WhenAll(
            Task.Run(() => processor.ProcessAsync(EvaluationOf("first"), CancellationToken.None)),
            Task.Run(() => processor.ProcessAsync(EvaluationOf("second"), CancellationToken.None)));

        outcomes.Sum(o => o.Placed).Should().Be(1);
        outcomes.Should().ContainSingle(o => o.NeedsBlockedEvaluation);
        await ShouldNotBeOvercommittedAsync();
    }

    private async Task<SchedulerState> StateAsync(string job, ClusterState cluster) =>
        new(new ResourceKey("Job", "default", job), (Job?)await _store.GetAsync(new ResourceKey("Job", "default", job)), cluster, Cluster.Now);

    private static Evaluation EvaluationOf(string job) => new()
    {
        Metadata = new ObjectMeta { Name = $"{job}-1", Namespace = "default" },
        Spec = new EvaluationSpec { Job = job, JobVersion = 1 },
    };

    private async Task ShouldNotBeOvercommittedAsync()
    {
        var allocations = (await _store.ListAsync(new ListQuery("Allocation"))).Items.Cast<Allocation>().ToList();
        allocations.Where(a => a.Spec.DesiredStatus == AllocationDesiredStatus.Run).Sum(a => a.Spec.Resources.Values.Sum(r => r.Cpu)).Should().BeLessThanOrEqualTo(1000);
    }

    /// <summary>Applies a plan made on the stale snapshot first, as a worker that read before the other commit would.</summary>
    private sealed class StaleFirstApplier(PlanApplier inner, SchedulerState stale, Scheduler scheduler) : IPlanCommitter
    {
        private bool _staleSent;

        public Task<PlanResult> ApplyAsync(Plan plan, CancellationToken cancellationToken = default)
        {
            if (_staleSent) return inner.ApplyAsync(plan, cancellationToken);
            _staleSent = true;
            return inner.ApplyAsync(scheduler.Schedule(stale), cancellationToken);
        }
    }
}
