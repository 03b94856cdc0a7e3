using System.Text.Json.Nodes;

using Microsoft.Extensions.DependencyInjection;

using Reconciler.Client;
using Reconciler.Drivers.Mock;
using Reconciler.Nodes;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;
using Reconciler.Scheduling;
using Reconciler.Store;
using Reconciler.Testing;

namespace Reconciler.Drivers.Tests.Client;

/// <summary>
/// A server (scheduler, node controller) and a client on one in-memory store and a fake clock, with the mock
/// driver — or real drivers, for tests of processes and containers. Time moves only when the test moves it.
/// </summary>
public sealed class ClientTestBed : IAsyncDisposable
{
    public static readonly NodeOptions Nodes = new() { HeartbeatTtl = TimeSpan.FromSeconds(30) };

    private ClientTestBed(ReconcilerTestKit kit, ClientOptions options) => (Kit, Options) = (kit, options);

    public ReconcilerTestKit Kit { get; }
    public ClientOptions Options { get; }
    public ClientAgent Agent => Kit.Services.GetRequiredService<ClientAgent>();
    public IAllocationAccess Access => Kit.Services.GetRequiredService<IAllocationAccess>();

    /// <summary>
    /// Starts a bed; <paramref name="server"/> false runs only a client; <paramref name="store"/> shares another bed's store;
    /// <paramref name="runnerWorkers"/> is the allocation runner's worker count.
    /// </summary>
    public static async Task<ClientTestBed> StartAsync(string dataDirectory, string node = "node-1", bool server = true,
        IResourceStore? store = null, Func<TimeProvider, DriverRegistry>? drivers = null, bool register = true,
        int runnerWorkers = ClientReconcilerBuilderExtensions.DefaultRunnerWorkers)
    {
        var options = new ClientOptions { NodeName = node, DataDirectory = dataDirectory };
        var kit = await ReconcilerTestKit.StartAsync(
            builder =>
            {
                if (server) builder.AddScheduler(nodes: Nodes);
                builder.AddReconcilerClient(options, registry => registry, runAgent: false, runnerWorkers: runnerWorkers);
            },
            services => services.AddSingleton(provider =>
                drivers?.Invoke(provider.GetRequiredService<TimeProvider>()) ?? new DriverRegistry().Add(new MockDriver(provider.GetRequiredService<TimeProvider>()))),
            o => { if (store is not null) o.UseStore(_ => new UndisposedStore(store)); });
        var bed = new ClientTestBed(kit, options);
        if (register) await bed.Agent.RegisterAsync(CancellationToken.None);
        await kit.RunUntilIdleAsync();
        return bed;
    }

    public static Job Job(string name, JobType type, RestartPolicy? restart, params JobTask[] tasks) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "default" },
        Spec = new JobSpec
        {
            Type = type,
            Datacenters = ["dc1"],
            Groups = [new TaskGroup { Name = "g", Count = 1, Restart = restart, Tasks = tasks, Reschedule = new ReschedulePolicy { Delay = TimeSpan.FromSeconds(5), Unlimited = true } }],
        },
    };

    public static JobTask MockTask(string name, JsonObject config) => new() { Name = name, Driver = "mock", Config = config };

    public IReadOnlyList<Allocation> Allocations(string job) =>
        Kit.Cache.List<Allocation>("default").Where(a => a.Spec.Job == job).OrderBy(a => a.Metadata.CreatedAt).ToList();

    /// <summary>Runs until idle until <paramref name="condition"/> holds: a task's exit reaches the runner on another thread.</summary>
    public Task SettleUntilAsync(Func<bool> condition, string what) => PollAsync(condition, what, () => Task.Delay(10));

    /// <summary>Moves time in steps of at most 10 seconds, heartbeating before each so the node stays ready.</summary>
    public async Task AdvanceAsync(TimeSpan duration)
    {
        for (var left = duration; left > TimeSpan.Zero; left -= TimeSpan.FromSeconds(10))
        {
            await Agent.HeartbeatAsync(CancellationToken.None);
            await Kit.AdvanceAsync(left < TimeSpan.FromSeconds(10) ? left : TimeSpan.FromSeconds(10));
        }
    }

    /// <summary>
    /// Moves time in <paramref name="step"/>s (heartbeating) until <paramref name="condition"/> holds, for real tasks whose
    /// checks and exits happen in real time while the runner's clock is fake.
    /// </summary>
    public Task AdvanceUntilAsync(TimeSpan step, Func<bool> condition, string what) =>
        PollAsync(condition, what, async () =>
        {
            await Task.Delay(50);
            await AdvanceAsync(step);
        });

    // Fails after 30 real seconds, showing every allocation's status.
    private async Task PollAsync(Func<bool> condition, string what, Func<Task> between)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            await Kit.RunUntilIdleAsync();
            if (condition()) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"timed out waiting for {what}; allocations: {string.Join("; ", Kit.Cache.List<Allocation>().Select(a => System.Text.Json.JsonSerializer.Serialize(a.Status, Reconciler.Resources.Json.ResourceJson.Options)))}");
            await between();
        }
    }

    public ValueTask DisposeAsync() => Kit.DisposeAsync();
}
