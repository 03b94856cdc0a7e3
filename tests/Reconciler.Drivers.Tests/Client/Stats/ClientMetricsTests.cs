using System.Text.Json.Nodes;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

using Reconciler.Client;
using Reconciler.Client.Stats;
using Reconciler.Drivers.Tests.Support;
using Reconciler.Metrics;
using Reconciler.Resources.Agent;
using Reconciler.Resources.Kinds;
using Reconciler.Tests.Shared;

namespace Reconciler.Drivers.Tests.Client.Stats;

/// <summary>The client's resource usage gauges over the mock driver, collected on the fake clock as <c>[telemetry]</c> asks.</summary>
public sealed class ClientMetricsTests : IAsyncLifetime
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private readonly TempDirectory _data = new();
    private ClientTestBed _bed = null!;

    public async Task InitializeAsync()
    {
        _bed = await ClientTestBed.StartAsync(_data.Path);
        await _bed.Kit.ApplyAsync(ClientTestBed.Job("web", JobType.Service, null,
            ClientTestBed.MockTask("app", []) with { Resources = new TaskResources { Cpu = 100, MemoryMB = 64 } }));
        await _bed.SettleUntilAsync(() => _bed.Allocations("web") is [{ Status.ClientStatus: AllocationClientStatus.Running }], "a running task");
    }

    public async Task DisposeAsync()
    {
        await _bed.DisposeAsync();
        _data.Dispose();
    }

    private (StatsCollector Collector, GaugeReader Gauges) Publish(TelemetryConfig telemetry)
    {
        var services = _bed.Kit.Services;
        var metrics = services.GetRequiredService<ReconcilerMetrics>();
        var gauges = new GaugeReader(metrics.Meter);
        var stats = services.GetRequiredService<ClientStats>();
        var collector = new StatsCollector(stats, new ClientMetrics(stats, metrics, telemetry), telemetry with { CollectionInterval = Interval },
            _bed.Kit.Time, NullLogger<StatsCollector>.Instance);
        return (collector, gauges);
    }

    [Fact]
    public async Task With_publishing_off_no_client_gauge_appears()
    {
        var (collector, gauges) = Publish(new TelemetryConfig());
        using var _ = gauges;

        await collector.CollectAsync(CancellationToken.None);

        gauges.Read().Should().BeEmpty();
    }

    [Fact]
    public async Task Allocation_metrics_label_each_running_task_with_its_job_group_allocation_namespace_node_and_host()
    {
        var (collector, gauges) = Publish(new TelemetryConfig { PublishAllocationMetrics = true });
        using var _ = gauges;
        var allocation = _bed.Allocations("web")[0];

        await collector.CollectAsync(CancellationToken.None);
        var read = gauges.Read();

        read.Should().NotContain(g => g.Name.StartsWith("recon.client.host.", StringComparison.Ordinal), "node metrics are off");
        var usage = read.Should().ContainSingle(g => g.Name == "recon.client.allocs.memory.usage").Subject;
        usage.Value.Should().Be(32 * 1024 * 1024, "the mock reports half its 64 MB");
        usage.Labels.Should().Contain(new Dictionary<string, string>
        {
            ["alloc_id"] = allocation.Metadata.Name, ["job"] = "web", ["task_group"] = "g", ["task"] = "app", ["namespace"] = "default",
            ["node_id"] = _bed.Kit.Services.GetRequiredService<NodeIdentity>().Id, ["host"] = Environment.MachineName,
        });
        read.Single(g => g.Name == "recon.client.allocs.memory.rss").Value.Should().Be(16 * 1024 * 1024);
        read.Single(g => g.Name == "recon.client.allocs.memory.allocated").Value.Should().Be(64 * 1024 * 1024);
        read.Single(g => g.Name == "recon.client.allocs.memory.max_usage").Value.Should().Be(32 * 1024 * 1024);
        read.Should().Contain(g => g.Name == "recon.client.allocs.cpu.total_ticks").And.Contain(g => g.Name == "recon.client.allocs.cpu.total_percent");
    }

    [Fact]
    public async Task A_stopped_tasks_series_is_gone_after_the_next_collection_on_the_clock()
    {
        var (collector, gauges) = Publish(new TelemetryConfig { PublishAllocationMetrics = true });
        using var _ = gauges;
        await collector.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => gauges.Read().Any(g => g.Name == "recon.client.allocs.memory.usage"), "the first round, which runs at start");

        var allocation = _bed.Allocations("web")[0];
        await _bed.Kit.ApplyAsync(allocation with { Spec = allocation.Spec with { DesiredStatus = AllocationDesiredStatus.Stop } });
        await _bed.SettleUntilAsync(() => _bed.Allocations("web")[0].Status.ClientStatus != AllocationClientStatus.Running, "the task to stop");
        gauges.Read().Should().Contain(g => g.Name == "recon.client.allocs.memory.usage", "no collection ran since");
        await _bed.Kit.AdvanceAsync(Interval);
        await Eventually.TrueAsync(() => gauges.Read().Count == 0, "the stopped task's series to go");

        await collector.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Node_metrics_without_hostname_give_the_machines_memory_and_data_disk_and_no_host_label()
    {
        var (collector, gauges) = Publish(new TelemetryConfig { PublishNodeMetrics = true, DisableHostname = true });
        using var _ = gauges;

        await collector.CollectAsync(CancellationToken.None);
        var read = gauges.Read();

        read.Should().NotContain(g => g.Name.StartsWith("recon.client.allocs.", StringComparison.Ordinal), "allocation metrics are off");
        read.Should().OnlyContain(g => !g.Labels.ContainsKey("host"));
        var memTotal = long.Parse(File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        read.Single(g => g.Name == "recon.client.host.memory.size").Value.Should().Be(memTotal);
        var disk = read.Single(g => g.Name == "recon.client.host.disk.size");
        disk.Labels["disk"].Should().Be(_data.Path);
        disk.Value.Should().Be(new DriveInfo(_data.Path).TotalSize);
        read.Should().Contain(g => g.Name == "recon.client.host.cpu.total_percent" && g.Value >= 0 && g.Value <= 100);
    }
}
