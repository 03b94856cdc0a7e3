using System.Runtime.InteropServices;

using Reconciler.Drivers;
using Reconciler.Resources.Kinds;

namespace Reconciler.Client.Fingerprint;

/// <summary>
/// What this node offers the scheduler: kernel, CPU, memory, datacenter, class, meta, the drivers that
/// are detected and healthy, and the configured host volumes — a <see cref="NodeSpec"/> to register.
/// </summary>
public sealed class NodeFingerprinter(ClientOptions options, DriverRegistry drivers)
{
    /// <summary>Fingerprints the machine and the enabled drivers.</summary>
    public async Task<NodeSpec> FingerprintAsync(CancellationToken cancellationToken)
    {
        var fingerprints = (await drivers.FingerprintAsync(cancellationToken).ConfigureAwait(false))
            .Where(pair => options.EnabledDrivers is null || options.EnabledDrivers.Contains(pair.Key))
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        var cores = System.Environment.ProcessorCount;
        var mhz = CpuMegahertz();
        var memoryMb = (int)(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024));
        var attributes = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["kernel.name"] = OperatingSystem.IsLinux() ? "linux" : RuntimeInformation.OSDescription.Split(' ')[0].ToLowerInvariant(),
            ["kernel.version"] = KernelVersion(),
            ["cpu.numcores"] = cores.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["cpu.frequency"] = mhz.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["cpu.totalcompute"] = (cores * mhz).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["memory.totalbytes"] = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["arch"] = RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant(),
            ["unique.hostname"] = System.Environment.MachineName,
            ["ports.dynamic"] = $"{options.MinDynamicPort}-{options.MaxDynamicPort}",
        };
        foreach (var (key, value) in DriverRegistry.NodeAttributes(fingerprints)) attributes[key] = value;
        return new NodeSpec
        {
            Datacenter = options.Datacenter,
            NodeClass = options.NodeClass,
            Meta = options.Meta,
            Attributes = attributes,
            Drivers = fingerprints.ToDictionary(pair => pair.Key, pair => new NodeDriver
            {
                Detected = pair.Value.Detected,
                Healthy = pair.Value.Healthy,
                HealthDescription = pair.Value.HealthDescription,
                Attributes = pair.Value.Attributes,
            }),
            Resources = new NodeResources { Cpu = cores * mhz, MemoryMB = memoryMb },
            HostVolumes = options.HostVolumes,
        };
    }

    private static string KernelVersion()
    {
        const string release = "/proc/sys/kernel/osrelease";
        return File.Exists(release) ? File.ReadAllText(release).Trim() : System.Environment.OSVersion.Version.ToString();
    }

    // /proc/cpuinfo's "cpu MHz" of the first core; 1000 when the kernel does not say (a VM may not).
    private static int CpuMegahertz()
    {
        const string cpuinfo = "/proc/cpuinfo";
        if (!File.Exists(cpuinfo)) return 1000;
        var line = File.ReadLines(cpuinfo).FirstOrDefault(l => l.StartsWith("cpu MHz", StringComparison.Ordinal));
        return line is not null && double.TryParse(line.Split(':')[1], System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out var mhz) ? (int)mhz : 1000;
    }
}
