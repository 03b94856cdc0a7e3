using System.Diagnostics.Metrics;

using Reconciler.Drivers;
using Reconciler.Metrics;
using Reconciler.Resources.Agent;

namespace Reconciler.Client.Stats;

/// <summary>
/// Publishes <see cref="ClientStats"/>' latest round as observable gauges on the runtime's meter, after Nomad's
/// <c>nomad.client.allocs.*</c> and <c>nomad.client.host.*</c> with our <c>recon</c> prefix: per task with
/// <c>publish_allocation_metrics</c>, for the machine with <c>publish_node_metrics</c>. A gauge reports only what the
/// latest round saw, so a stopped task's series is gone at the next collection. Nomad puts the host name into metric
/// names unless <c>disable_hostname</c>; labels are Prometheus' way, so here it is a <c>host</c> label, left out when disabled.
/// </summary>
public sealed class ClientMetrics
{
    private const string Bytes = "By";
    private const string Percent = "%";
    private readonly ClientStats _stats;
    private readonly KeyValuePair<string, object?>[] _nodeLabels;

    /// <summary>Creates the gauges <paramref name="telemetry"/> asks for on <paramref name="metrics"/>' meter.</summary>
    public ClientMetrics(ClientStats stats, ReconcilerMetrics metrics, TelemetryConfig telemetry)
    {
        ArgumentNullException.ThrowIfNull(stats);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(telemetry);
        _stats = stats;
        List<KeyValuePair<string, object?>> labels = [new("node_id", stats.Identity.Id), new("node_name", stats.Options.NodeName), new("datacenter", stats.Options.Datacenter)];
        if (!telemetry.DisableHostname) labels.Add(new("host", System.Environment.MachineName));
        _nodeLabels = [.. labels];
        if (telemetry.PublishAllocationMetrics) CreateAllocationGauges(metrics.Meter);
        if (telemetry.PublishNodeMetrics) CreateHostGauges(metrics.Meter);
    }

    private void CreateAllocationGauges(Meter meter)
    {
        void Gauge(string name, string unit, string description, Func<AllocationUsage, string, TaskResourceUsage, double?> value) =>
            meter.CreateObservableGauge("recon.client.allocs." + name, () => ObserveTasks(value), unit, description);
        Gauge("cpu.total_percent", Percent, "CPU use of the task since the previous sample, in percent of one core.", (_, _, u) => u.CpuPercent);
        Gauge("cpu.total_ticks", "{tick}", "CPU time the task used since it started, in clock ticks (1/100 s).", (_, _, u) => Math.Round(u.CpuTime.TotalSeconds * 100));
        Gauge("memory.usage", Bytes, "Memory the task uses (its cgroup's or container's usage, else its RSS).", (_, _, u) => u.MemoryBytes);
        Gauge("memory.rss", Bytes, "Resident memory of the task's processes.", (_, _, u) => u.MemoryRssBytes);
        Gauge("memory.max_usage", Bytes, "The highest memory use sampled while the task ran.", (a, task, _) => _stats.MaxMemoryBytes(a.AllocationId, task));
        Gauge("memory.allocated", Bytes, "The task's memory limit.", (_, _, u) => u.MemoryLimitBytes);
    }

    private void CreateHostGauges(Meter meter)
    {
        void Gauge(string name, string unit, string description, Func<HostUsage, double?> value, params KeyValuePair<string, object?>[] extra) =>
            meter.CreateObservableGauge("recon.client." + name, () => ObserveHost(value, extra), unit, description);
        var cpu = new KeyValuePair<string, object?>("cpu", "cpu-total");
        var disk = new KeyValuePair<string, object?>("disk", _stats.Options.DataDirectory);
        Gauge("host.cpu.user", Percent, "CPU time in user mode over all cores since the previous sample.", h => h.Cpu?.User, cpu);
        Gauge("host.cpu.system", Percent, "CPU time in the kernel over all cores since the previous sample.", h => h.Cpu?.System, cpu);
        Gauge("host.cpu.idle", Percent, "CPU time idle over all cores since the previous sample.", h => h.Cpu?.Idle, cpu);
        Gauge("host.cpu.total_percent", Percent, "CPU time busy over all cores since the previous sample (Nomad's cpu.total, renamed as Prometheus keeps _total for counters).", h => h.Cpu?.Total, cpu);
        Gauge("host.memory.size", Bytes, "The machine's memory (MemTotal; Nomad's memory.total, renamed as Prometheus keeps _total for counters).", h => h.Memory.Total);
        Gauge("host.memory.available", Bytes, "Memory available to new work (MemAvailable).", h => h.Memory.Available);
        Gauge("host.memory.used", Bytes, "Memory in use: total minus available.", h => h.Memory.Used);
        Gauge("host.memory.free", Bytes, "Memory not used at all (MemFree).", h => h.Memory.Free);
        Gauge("host.disk.size", Bytes, "Size of the file system holding the data directory.", h => h.Disk.Size, disk);
        Gauge("host.disk.used", Bytes, "Space used on the file system holding the data directory.", h => h.Disk.Used, disk);
        Gauge("host.disk.available", Bytes, "Space available on the file system holding the data directory.", h => h.Disk.Available, disk);
        Gauge("host.disk.used_percent", Percent, "Space used on the file system holding the data directory, in percent.", h => h.Disk.UsedPercent, disk);
        Gauge("uptime", "s", "How long the machine has been up.", h => h.Uptime.TotalSeconds);
    }

    private IEnumerable<Measurement<double>> ObserveTasks(Func<AllocationUsage, string, TaskResourceUsage, double?> value)
    {
        foreach (var allocation in _stats.LatestAllocations)
            foreach (var (task, usage) in allocation.Tasks)
                if (value(allocation, task, usage) is { } measured)
                    yield return new Measurement<double>(measured, [.. _nodeLabels, new("alloc_id", allocation.AllocationId), new("job", allocation.Job),
                        new("task_group", allocation.TaskGroup), new("task", task), new("namespace", allocation.Namespace)]);
    }

    private IEnumerable<Measurement<double>> ObserveHost(Func<HostUsage, double?> value, KeyValuePair<string, object?>[] extra)
    {
        if (_stats.LatestHost is { } host && value(host) is { } measured) yield return new Measurement<double>(measured, [.. _nodeLabels, .. extra]);
    }
}
