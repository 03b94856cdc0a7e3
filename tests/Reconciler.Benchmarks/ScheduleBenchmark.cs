using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

using Reconciler.Evaluations;
using Reconciler.Resources.Json;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;
using Reconciler.Scheduling;
using Reconciler.Scheduling.Plans;
using Reconciler.Scheduling.State;
using Reconciler.Store;
using Reconciler.Store.Faster;

namespace Reconciler.Benchmarks;

/// <summary>
/// Nomad's C1M, scaled to one process: <c>--jobs</c> service jobs of <c>--count</c> allocations each placed on
/// <c>--nodes</c> simulated nodes through the real scheduler (evaluation broker, scheduler, plan applier with its
/// re-check at commit) into the durable FASTER store. Prints placements per second and peak memory.
/// </summary>
public sealed class ScheduleBenchmark : IBenchmarkScenario
{
    public string Name => "schedule";

    public async Task<JsonObject> RunAsync(string[] args)
    {
        var nodes = BenchmarkArgs.Int(args, "--nodes", 10_000);
        var jobs = BenchmarkArgs.Int(args, "--jobs", 1_000);
        var count = BenchmarkArgs.Int(args, "--count", 1_000);
        var workers = BenchmarkArgs.Int(args, "--workers", Environment.ProcessorCount);
        var directory = Directory.CreateTempSubdirectory("reconciler-schedule-").FullName;
        try
        {
            // Nothing watches here, so the in-memory watch window is kept small: it would otherwise hold every allocation object.
            var options = new FasterResourceStoreOptions { DataDirectory = directory, WatchWindowRevisions = 64 };
            await using var store = await FasterResourceStore.OpenAsync(options, ResourceJson.Default);
            var tracker = new ClusterStateTracker();
            tracker.Reset(await PutAllAsync(store, Enumerable.Range(0, nodes).Select(NodeOf)), []);
            await PutAllAsync(store, Enumerable.Range(0, jobs).Select(j => JobOf(j, count)));
            var evaluations = await PutAllAsync(store, Enumerable.Range(0, jobs).Select(EvaluationOf));

            var broker = new EvaluationBroker();
            foreach (var evaluation in evaluations) broker.Enqueue(evaluation.Key, JobKeys.Of("default", evaluation.Spec.Job), evaluation.Spec.Priority);
            var planStore = new CommitTimedStore(store);
            var committer = new TimedCommitter(new PlanApplier(planStore, tracker));
            var processor = new EvaluationProcessor(store, tracker, new Scheduler(), committer, TimeProvider.System);
            var byKey = evaluations.ToDictionary(e => e.Key);

            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var started = Stopwatch.GetTimestamp();
            var results = await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(() => WorkAsync(store, broker, processor, byKey))));
            var elapsed = Stopwatch.GetElapsedTime(started);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

            var placed = results.Sum(r => r.Placed);
            return new JsonObject
            {
                ["scenario"] = Name,
                ["store"] = "faster",
                ["nodes"] = nodes,
                ["jobs"] = jobs,
                ["count"] = count,
                ["workers"] = workers,
                ["placed"] = placed,
                ["queued"] = results.Sum(r => r.Queued),
                ["replans"] = results.Sum(r => r.Replans),
                ["seconds"] = Math.Round(elapsed.TotalSeconds, 1),
                ["placements_per_s"] = Math.Round(placed / elapsed.TotalSeconds),
                // CPU time is steadier than wall time on a shared machine: compare variants by it too.
                ["cpu_seconds"] = Math.Round(cpu.TotalSeconds, 1),
                ["placements_per_cpu_s"] = Math.Round(placed / cpu.TotalSeconds),
                ["schedule_ms"] = Math.Round(results.Sum(r => r.ProcessMs) - committer.Milliseconds),
                ["commit_ms"] = Math.Round(committer.Milliseconds),
                ["store_commit_ms"] = Math.Round(planStore.Milliseconds),
                ["status_write_ms"] = Math.Round(results.Sum(r => r.StatusMs)),
                ["load_average"] = MachineLoad.LoadAverage(),
                ["overcommitted_nodes"] = Overcommitted(tracker.Current),
                ["peak_rss_mib"] = PeakRssMiB(),
                ["store_revision"] = store.Revision,
            };
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<(int Placed, int Queued, int Replans, double ProcessMs, double StatusMs)> WorkAsync(
        IResourceStore store, EvaluationBroker broker, EvaluationProcessor processor, Dictionary<ResourceKey, Evaluation> evaluations)
    {
        int placed = 0, queued = 0, replans = 0;
        double processMs = 0, statusMs = 0;
        while (broker.TryDequeue(out var key))
        {
            var evaluation = evaluations[key];
            var started = Stopwatch.GetTimestamp();
            var outcome = await processor.ProcessAsync(evaluation, CancellationToken.None);
            var processed = Stopwatch.GetTimestamp();
            await store.PutAsync(evaluation with { Status = outcome.ToStatus(evaluation.Status, null) });
            processMs += Stopwatch.GetElapsedTime(started, processed).TotalMilliseconds;
            statusMs += Stopwatch.GetElapsedTime(processed).TotalMilliseconds;
            placed += outcome.Placed;
            queued += outcome.Plan.Queued.Values.Sum();
            replans += outcome.Attempts - 1;
            broker.Ack(key, JobKeys.Of("default", evaluation.Spec.Job));
        }
        return (placed, queued, replans, processMs, statusMs);
    }

    private static async Task<List<T>> PutAllAsync<T>(IResourceStore store, IEnumerable<T> resources) where T : Resource
    {
        var stored = new List<T>();
        foreach (var chunk in resources.Chunk(1_000))
        {
            var transaction = new StoreTransaction();
            foreach (var resource in chunk) transaction.Put(resource);
            stored.AddRange((await store.CommitAsync(transaction)).Written.Cast<T>());
        }
        return stored;
    }

    private static Node NodeOf(int i) => new()
    {
        Metadata = new ObjectMeta { Name = $"node-{i:D5}" },
        Spec = new NodeSpec
        {
            Datacenter = $"dc{i % 3 + 1}",
            Attributes = new Dictionary<string, string> { ["kernel.name"] = "linux", ["kernel.version"] = "6.1.0", ["cpu.numcores"] = "16" },
            Drivers = new Dictionary<string, NodeDriver> { ["mock"] = new() { Detected = true, Healthy = true } },
            Resources = new NodeResources { Cpu = 16_000, MemoryMB = 32_768 },
        },
        Status = new NodeStatus { State = NodeState.Ready },
    };

    private static Job JobOf(int j, int count) => new()
    {
        Metadata = new ObjectMeta { Name = $"job-{j:D4}", Namespace = "default" },
        Spec = new JobSpec
        {
            Priority = 50,
            Groups =
            [
                new TaskGroup
                {
                    Name = "app",
                    Count = count,
                    Constraints = [new Constraint { Attribute = "${attr.kernel.name}", Value = "linux" }],
                    Tasks = [new JobTask { Name = "app", Driver = "mock", Resources = new TaskResources { Cpu = 100, MemoryMB = 64 } }],
                },
            ],
        },
    };

    private static Evaluation EvaluationOf(int j) => new()
    {
        Metadata = new ObjectMeta { Name = $"job-{j:D4}-v1", Namespace = "default" },
        Spec = new EvaluationSpec { Job = $"job-{j:D4}", JobVersion = 1, Priority = 50 },
    };

    private static int Overcommitted(ClusterState cluster) =>
        cluster.Nodes.Values.Count(n => cluster.On(n.Metadata.Name) is var on && (on.Cpu > n.Spec.Resources.Cpu || on.MemoryMB > n.Spec.Resources.MemoryMB));

    private static long PeakRssMiB()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null
            ? Process.GetCurrentProcess().PeakWorkingSet64 >> 20
            : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) >> 10;
    }

    // Times the plan applier (re-check at commit and store transaction, including the wait for its gate).
    private sealed class TimedCommitter(IPlanCommitter inner) : IPlanCommitter
    {
        private readonly PhaseTimer _timer = new();

        public double Milliseconds => _timer.Milliseconds;

        public Task<PlanResult> ApplyAsync(Plan plan, CancellationToken cancellationToken = default) =>
            _timer.TimeAsync(() => inner.ApplyAsync(plan, cancellationToken));
    }

    // Time spent in one kind of call, summed over every thread making it.
    private sealed class PhaseTimer
    {
        private long _ticks;

        public double Milliseconds => TimeSpan.FromTicks(Interlocked.Read(ref _ticks)).TotalMilliseconds;

        public async Task<T> TimeAsync<T>(Func<Task<T>> call)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                return await call();
            }
            finally
            {
                Interlocked.Add(ref _ticks, Stopwatch.GetElapsedTime(started).Ticks);
            }
        }
    }

    // Times the plan applier's store transactions, to tell the store's share of a commit from the scheduler's
    // (re-check, cluster state update) and from the wait for the applier's gate.
    private sealed class CommitTimedStore(IResourceStore inner) : IResourceStore
    {
        private readonly PhaseTimer _timer = new();

        public double Milliseconds => _timer.Milliseconds;

        public long Revision => inner.Revision;

        public ValueTask<TransactionResult> CommitAsync(StoreTransaction transaction, CancellationToken cancellationToken = default) =>
            new(_timer.TimeAsync(() => inner.CommitAsync(transaction, cancellationToken).AsTask()));

        public ValueTask<Resource?> GetAsync(ResourceKey key, CancellationToken cancellationToken = default) => inner.GetAsync(key, cancellationToken);

        public ValueTask<ListResult> ListAsync(ListQuery query, CancellationToken cancellationToken = default) => inner.ListAsync(query, cancellationToken);

        public ValueTask<Resource> PutAsync(Resource resource, long? expectedRevision = null, CancellationToken cancellationToken = default) =>
            inner.PutAsync(resource, expectedRevision, cancellationToken);

        public ValueTask<Resource?> DeleteAsync(ResourceKey key, long? expectedRevision = null, CancellationToken cancellationToken = default) =>
            inner.DeleteAsync(key, expectedRevision, cancellationToken);

        public IAsyncEnumerable<WatchEvent> WatchAsync(WatchQuery query, long afterRevision, CancellationToken cancellationToken = default) =>
            inner.WatchAsync(query, afterRevision, cancellationToken);

        public ValueTask<SnapshotInfo> SaveSnapshotAsync(Stream destination, CancellationToken cancellationToken = default) =>
            inner.SaveSnapshotAsync(destination, cancellationToken);

        public ValueTask<SnapshotInfo> RestoreSnapshotAsync(Stream source, CancellationToken cancellationToken = default) =>
            inner.RestoreSnapshotAsync(source, cancellationToken);

        // The benchmark disposes the store it opened; this view owns nothing.
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
