using Reconciler.Deployments;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;
using Reconciler.Scheduling;
using Reconciler.Store;
using Reconciler.Testing;
using Reconciler.Tests.Scheduling;

namespace Reconciler.Tests.Deployments;

/// <summary>
/// The scheduler and deployments on the test kit, two roomy nodes, and the client's side played by hand: allocations
/// start (all tasks running since now) or fail when the scenario says so. Time moves only when the scenario moves it.
/// </summary>
internal sealed class DeploymentKit : IAsyncDisposable
{
    public const string Job = "web";
    private readonly SchedulerKit _scheduler;

    private DeploymentKit(SchedulerKit scheduler) => _scheduler = scheduler;

    public ReconcilerTestKit Kit => _scheduler.Kit;

    public DeploymentControl Control => (DeploymentControl)Kit.Services.GetService(typeof(DeploymentControl))!;

    public JobReverter Reverter => (JobReverter)Kit.Services.GetService(typeof(JobReverter))!;

    public JobHistory History => (JobHistory)Kit.Services.GetService(typeof(JobHistory))!;

    public static ResourceKey JobKey => new("Job", "default", Job);

    public static async Task<DeploymentKit> StartAsync()
    {
        var scheduler = await SchedulerKit.StartAsync(b => b.AddDeployments(), new global::Reconciler.Nodes.NodeOptions { HeartbeatTtl = TimeSpan.FromDays(1) }); // nodes stay up while time moves
        await scheduler.JoinAsync("n1", cpu: 100_000, memoryMB: 100_000);
        await scheduler.JoinAsync("n2", cpu: 100_000, memoryMB: 100_000);
        return new DeploymentKit(scheduler);
    }

    /// <summary>The name of the service check a job registered with a check has.</summary>
    public const string Check = "alive";

    /// <summary>
    /// Registers the job with <paramref name="count"/> allocations running <paramref name="image"/> under
    /// <paramref name="update"/>; with <paramref name="withCheck"/> its task offers a service with the script check <see cref="Check"/>;
    /// <paramref name="jobUpdate"/> is the job-level update block the group's overrides; <paramref name="shape"/> changes the group further;
    /// <paramref name="type"/> is the job's type when it is first registered.
    /// </summary>
    public async Task<Job> RegisterAsync(string image, int count, UpdateStrategy update, bool withCheck = false, UpdateStrategy? jobUpdate = null,
        Func<TaskGroup, TaskGroup>? shape = null, JobType type = JobType.Service)
    {
        var basic = Cluster.Group(Job, count, cpu: 100, memoryMB: 64);
        var services = withCheck
            ? [new TaskService { Name = "web", Checks = [new ServiceCheck { Name = Check, Type = CheckType.Script, Command = "true", Interval = TimeSpan.FromSeconds(1), Timeout = TimeSpan.FromSeconds(1) }] }]
            : new List<TaskService>();
        var task = basic.Tasks[0] with { Env = new Dictionary<string, string> { ["IMAGE"] = image }, Services = services };
        var group = basic with { Update = JobDefaults.Merge(update, JobDefaults.Update), Tasks = [task] };
        if (shape is not null) group = shape(group);
        var existing = await Kit.GetAsync<Job>(JobKey);
        var job = existing is null ? Cluster.Job(Job, group, type) with { Metadata = new ObjectMeta { Name = Job, Namespace = "default" } } : existing with { Spec = existing.Spec with { Groups = [group] } };
        if (jobUpdate is not null) job = job with { Spec = job.Spec with { Update = jobUpdate } };
        var stored = await Kit.ApplyAsync(job);
        await Kit.RunUntilIdleAsync();
        return stored;
    }

    public async Task<IReadOnlyList<Allocation>> AllocationsAsync() =>
        [.. (await Kit.Store.ListAsync(new ListQuery("Allocation", "default"))).Items.Cast<Allocation>().Where(a => a.Spec.Job == Job)];

    public async Task<IReadOnlyList<Allocation>> RunningAsync() => [.. (await AllocationsAsync()).Where(a => a.Spec.DesiredStatus == AllocationDesiredStatus.Run)];

    /// <summary>The desired-running allocations that did not fail, counted by job version, e.g. "1:2 2:1".</summary>
    public async Task<string> VersionsAsync()
    {
        var images = (await RunningAsync()).Where(a => a.Status.ClientStatus is AllocationClientStatus.Pending or AllocationClientStatus.Running).GroupBy(a => a.Spec.JobVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}:{g.Count()}");
        return string.Join(" ", images);
    }

    public async Task<Deployment> DeploymentAsync(long version) => (await Kit.GetAsync<Deployment>(DeploymentNames.Deployment("default", Job, version)))!;

    /// <summary>Every pending allocation that should run starts now: the client reports its task running.</summary>
    public async Task StartPendingAsync()
    {
        foreach (var a in (await RunningAsync()).Where(a => a.Status.ClientStatus == AllocationClientStatus.Pending))
            await ReportAsync(a, AllocationClientStatus.Running, TaskLifecycleState.Running, failed: false);
        await Kit.RunUntilIdleAsync();
    }

    /// <summary>The client reports <paramref name="allocation"/> failed.</summary>
    public async Task FailAsync(Allocation allocation)
    {
        await ReportAsync(allocation, AllocationClientStatus.Failed, TaskLifecycleState.Dead, failed: true);
        await Kit.RunUntilIdleAsync();
    }

    /// <summary>The client reports <paramref name="allocation"/> failed and asks the servers to reschedule it, as the real client does.</summary>
    public async Task FailAndRescheduleAsync(Allocation allocation)
    {
        await ReportAsync(allocation, AllocationClientStatus.Failed, TaskLifecycleState.Dead, failed: true);
        var job = (await Kit.GetAsync<Job>(JobKey))!;
        await Kit.Client.ApplyAsync(global::Reconciler.Evaluations.EvaluationFactory.For(job, EvaluationTrigger.AllocFailure, allocation.Spec.Node, $"{allocation.Metadata.Name}-failed"));
        await Kit.RunUntilIdleAsync();
    }

    /// <summary>A node joins the cluster.</summary>
    public Task JoinAsync(string name, string datacenter) => _scheduler.JoinAsync(name, datacenter, cpu: 100_000, memoryMB: 100_000);

    /// <summary>The node <paramref name="name"/> reports itself down (its allocations are lost).</summary>
    public async Task DownAsync(string name)
    {
        await _scheduler.Nodes.HeartbeatAsync(name, NodeState.Down);
        await Kit.RunUntilIdleAsync();
    }

    /// <summary>
    /// The client reports the result of <paramref name="allocation"/>'s check <see cref="Check"/> now, as its health
    /// watcher does: a status held since an earlier report keeps that report's time.
    /// </summary>
    public async Task ReportCheckAsync(Allocation allocation, CheckStatus status)
    {
        var current = (Allocation)(await Kit.Store.GetAsync(allocation.Key))!;
        var task = current.Status.TaskStates["task"];
        var since = task.Checks.FirstOrDefault(c => c.Name == Check) is { } previous && previous.Status == status ? previous.Since : Kit.Time.GetUtcNow();
        var result = new CheckResult { Name = Check, Kind = CheckType.Script, Status = status, Output = status == CheckStatus.Critical ? "true exited with code 1" : null, Since = since };
        var states = new Dictionary<string, TaskState> { ["task"] = task with { Checks = [result] } };
        await Kit.Client.UpdateStatusAsync(current with { Status = current.Status with { TaskStates = states } });
        await Kit.RunUntilIdleAsync();
    }

    /// <summary>Starts what is pending, then lets <paramref name="time"/> pass.</summary>
    public async Task StartAndWaitAsync(TimeSpan time)
    {
        await StartPendingAsync();
        await Kit.AdvanceAsync(time);
    }

    private async Task ReportAsync(Allocation allocation, AllocationClientStatus client, TaskLifecycleState task, bool failed)
    {
        var current = (Allocation)(await Kit.Store.GetAsync(allocation.Key))!;
        var state = new TaskState { State = task, Failed = failed, StartedAt = Kit.Time.GetUtcNow() };
        await Kit.Client.UpdateStatusAsync(current with { Status = current.Status with { ClientStatus = client, TaskStates = new Dictionary<string, TaskState> { ["task"] = state } } });
    }

    public ValueTask DisposeAsync() => _scheduler.DisposeAsync();
}
