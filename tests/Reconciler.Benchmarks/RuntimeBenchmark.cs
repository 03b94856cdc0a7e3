using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;

using Microsoft.Extensions.DependencyInjection;

using Reconciler.Hosting;
using Reconciler.Reconciliation;
using Reconciler.Resources.Json;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;
using Reconciler.Store;
using Reconciler.Store.Faster;

namespace Reconciler.Benchmarks;

/// <summary>
/// The controller runtime on the FASTER store: reconciles per second of a no-op reconciler over 100,000
/// objects (from runtime start, including the informer's list), then the p99 time from issuing a put to the
/// start of its reconcile while the runtime idles.
/// </summary>
public sealed class RuntimeBenchmark : IBenchmarkScenario
{
    private const int Objects = 100_000;
    private const int LatencySamples = 5_000;
    private const int Workers = 4;

    public string Name => "runtime";

    public async Task<JsonObject> RunAsync(string[] args)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("recon-runtime-bench-").FullName;
        try
        {
            return await MeasureAsync(dataDirectory);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static async Task<JsonObject> MeasureAsync(string dataDirectory)
    {
        var json = new ResourceJson(ResourceKindRegistry.Default);
        var store = await FasterResourceStore.OpenAsync(new FasterResourceStoreOptions { DataDirectory = dataDirectory }, json);
        await FillAsync(store);
        var counter = new NoOpReconciler.Counter(Objects);
        var services = new ServiceCollection();
        services.AddSingleton(counter);
        services.AddReconciler(o => o.UseStore(_ => store))
            .AddController<NoOpReconciler, Namespace>(o =>
            {
                o.Workers = Workers;
                o.ResyncPeriod = null;
            });
        await using var provider = services.BuildServiceProvider();
        var runtime = provider.GetRequiredService<ReconcilerRuntime>();

        var starting = Stopwatch.GetTimestamp();
        await runtime.StartAsync(CancellationToken.None);
        var lastReconcile = await counter.AllReconciled;
        // The informer lists every object and queues its key before the workers start: the first reconcile
        // starts once the list is done, so the span from it to the last one is the workers' throughput.
        var listed = Stopwatch.GetElapsedTime(starting, counter.FirstReconcile);
        var elapsed = Stopwatch.GetElapsedTime(counter.FirstReconcile, lastReconcile);
        var endToEnd = Stopwatch.GetElapsedTime(starting, lastReconcile);
        await runtime.WaitForIdleAsync(CancellationToken.None);
        GC.Collect();
        GC.WaitForPendingFinalizers();

        var (latencies, fromAck) = await MeasureLatencyAsync(store, counter);
        await runtime.StopAsync(CancellationToken.None);
        return new JsonObject
        {
            ["scenario"] = "runtime",
            ["store"] = "faster",
            ["objects"] = Objects,
            ["workers"] = Workers,
            ["initialListMs"] = Math.Round(listed.TotalMilliseconds),
            ["reconcilesPerSecond"] = Math.Round(Objects / elapsed.TotalSeconds),
            ["reconcilesPerSecondWithList"] = Math.Round(Objects / endToEnd.TotalSeconds),
            ["putToReconcileP50Ms"] = Milliseconds(latencies, 50),
            ["putToReconcileP99Ms"] = Milliseconds(latencies, 99),
            ["ackToReconcileP99Ms"] = Milliseconds(fromAck, 99),
            ["latencySamples"] = latencies.Count,
        };
    }

    private static async Task FillAsync(IResourceStore store)
    {
        const int batch = 1_000;
        for (var start = 0; start < Objects; start += batch)
        {
            var transaction = new StoreTransaction();
            for (var i = start; i < start + batch; i++) transaction.Put(NamespaceNamed($"ns-{i:D6}"));
            await store.CommitAsync(transaction);
        }
    }

    // One put at a time, so each sample is a put into an idle runtime.
    private static double Milliseconds(Percentiles percentiles, double percent) => Math.Round(percentiles.Microseconds(percent) / 1000, 3);

    private static async Task<(Percentiles FromPut, Percentiles FromAck)> MeasureLatencyAsync(IResourceStore store, NoOpReconciler.Counter counter)
    {
        var latencies = new long[LatencySamples];
        var fromAck = new long[LatencySamples];
        for (var i = 0; i < LatencySamples; i++)
        {
            var name = $"latency-{i:D5}";
            var reconciled = counter.Expect(name);
            var put = Stopwatch.GetTimestamp();
            await store.PutAsync(NamespaceNamed(name));
            var acknowledged = Stopwatch.GetTimestamp();
            var start = await reconciled;
            latencies[i] = start - put;
            fromAck[i] = Math.Max(0, start - acknowledged);
        }
        return (new Percentiles(latencies), new Percentiles(fromAck));
    }

    private static Namespace NamespaceNamed(string name) => new() { Metadata = new ObjectMeta { Name = name } };

    /// <summary>Does nothing but note when each reconcile started.</summary>
    private sealed class NoOpReconciler(NoOpReconciler.Counter counter) : IReconciler<Namespace>
    {
        public Task<ReconcileResult> ReconcileAsync(Namespace resource, ReconcileContext context, CancellationToken cancellationToken)
        {
            counter.Record(resource.Metadata.Name);
            return Task.FromResult(ReconcileResult.Done);
        }

        public sealed class Counter(int expected)
        {
            private readonly TaskCompletionSource<long> _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
            private long _first;
            private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _expected = new();
            private int _count;

            /// <summary>Completes with the timestamp of the reconcile that made the count.</summary>
            public Task<long> AllReconciled => _all.Task;

            public long FirstReconcile => Interlocked.Read(ref _first);

            public Task<long> Expect(string name) =>
                _expected.GetOrAdd(name, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

            public void Record(string name)
            {
                var now = Stopwatch.GetTimestamp();
                Interlocked.CompareExchange(ref _first, now, 0);
                if (_expected.TryRemove(name, out var waiter)) waiter.TrySetResult(now);
                if (Interlocked.Increment(ref _count) == expected) _all.TrySetResult(now);
            }
        }
    }
}
