using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Reconciler.Resources.Json;
using Reconciler.Resources.Model;
using Reconciler.Store;
using Reconciler.Store.Faster;

namespace Reconciler.Benchmarks;

/// <summary>
/// Durable puts per second of a <see cref="FasterResourceStore"/> in a temp directory with 1, 8 and 64
/// concurrent writers (1 KiB objects), put latency, and watch delivery latency with 100 watchers.
/// </summary>
public sealed class StoreBenchmark : IBenchmarkScenario
{
    // Long enough for tiered JIT to reach optimized code under a loaded machine; 1 s measured the JIT, not the store.
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Measure = TimeSpan.FromSeconds(4);
    private const int Watchers = 100;
    private const int WatchPutsPerSecond = 1_000;
    private const string SentAt = "bench/sent-at";

    public string Name => "store";

    public async Task<JsonObject> RunAsync(string[] args)
    {
        var kinds = ResourceKindRegistry.CreateDefault();
        kinds.Register<Payload>();
        var json = new ResourceJson(kinds);
        var directory = Directory.CreateTempSubdirectory("reconciler-bench-").FullName;
        try
        {
            await using var store = await FasterResourceStore.OpenAsync(new FasterResourceStoreOptions { DataDirectory = directory }, json);
            var result = new JsonObject
            {
                ["scenario"] = Name,
                ["object_bytes"] = json.Serialize(Payload.Create("b0-0", 0)).Length,
            };
            // "--writers N" measures only N writers, "--writers 0" only watch delivery (for profiling one case).
            var only = args.Length == 2 && args[0] == "--writers" ? int.Parse(args[1], CultureInfo.InvariantCulture) : (int?)null;
            foreach (var writers in only is { } n ? (n == 0 ? [] : [n]) : new[] { 1, 8, 64 }) result[$"writers_{writers}"] = await PutsAsync(store, writers);
            if (only is null or 0) result["watch"] = await WatchDeliveryAsync(store);
            return result;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<JsonObject> PutsAsync(IResourceStore store, int writers)
    {
        await RunWritersAsync(store, writers, Warmup, record: null);
        var latencies = Enumerable.Range(0, writers).Select(_ => new List<long>(1 << 16)).ToArray();
        var started = Stopwatch.GetTimestamp();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        await RunWritersAsync(store, writers, Measure, latencies);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        var all = new Percentiles(latencies.SelectMany(l => l));
        return new JsonObject
        {
            ["puts_per_s"] = Math.Round(all.Count / elapsed.TotalSeconds),
            // CPU time of the whole process per put: comparable across runs on a shared, loaded machine.
            ["cpu_us_per_put"] = Math.Round(cpu.TotalMicroseconds / all.Count, 1),
            ["alloc_bytes_per_put"] = allocated / all.Count,
            ["p50_us"] = all.Microseconds(50),
            ["p99_us"] = all.Microseconds(99),
        };
    }

    private static Task RunWritersAsync(IResourceStore store, int writers, TimeSpan duration, List<long>[]? record)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        return Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; Stopwatch.GetTimestamp() < end; i++)
            {
                var resource = Payload.Create($"b{writer}-{i % 1000}", i);
                var before = Stopwatch.GetTimestamp();
                await store.PutAsync(resource);
                record?[writer].Add(Stopwatch.GetTimestamp() - before);
            }
        })));
    }

    private static async Task<JsonObject> WatchDeliveryAsync(IResourceStore store)
    {
        using var stop = new CancellationTokenSource();
        var delays = Enumerable.Range(0, Watchers).Select(_ => new List<long>()).ToArray();
        var from = store.Revision;
        var watchers = Enumerable.Range(0, Watchers).Select(w => Task.Run(async () =>
        {
            try
            {
                await foreach (var e in store.WatchAsync(new WatchQuery("Payload"), from, stop.Token))
                    if (e.Object.Metadata.Annotations.TryGetValue(SentAt, out var sent))
                        delays[w].Add(Stopwatch.GetTimestamp() - long.Parse(sent, CultureInfo.InvariantCulture));
            }
            catch (OperationCanceledException) { }
        })).ToArray();

        // A steady rate, like a busy cluster, rather than a flood no watcher could keep up with.
        var puts = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(1));
        var end = Stopwatch.GetTimestamp() + (long)(Measure.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < end && await timer.WaitForNextTickAsync())
        {
            var resource = Payload.Create($"watched-{puts % 100}", puts);
            var stamped = resource with { Metadata = resource.Metadata with { Annotations = new Dictionary<string, string> { [SentAt] = Stopwatch.GetTimestamp().ToString(CultureInfo.InvariantCulture) } } };
            await store.PutAsync(stamped);
            puts++;
        }
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        await stop.CancelAsync();
        await Task.WhenAll(watchers);
        var all = new Percentiles(delays.SelectMany(d => d));
        return new JsonObject
        {
            ["watchers"] = Watchers,
            ["puts"] = puts,
            ["deliveries"] = all.Count,
            ["p50_ms"] = Math.Round(all.Microseconds(50) / 1000, 3),
            ["p99_ms"] = Math.Round(all.Microseconds(99) / 1000, 3),
        };
    }
}
