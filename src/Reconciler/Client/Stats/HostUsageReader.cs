using System.Globalization;

namespace Reconciler.Client.Stats;

/// <summary>
/// Samples the machine from <c>/proc/stat</c> (CPU, as shares of the time since the previous sample), <c>/proc/meminfo</c>,
/// <c>/proc/uptime</c> and the file system of the client's data directory. CPU needs two samples, so the reader keeps the last.
/// </summary>
internal sealed class HostUsageReader(ClientOptions options, TimeProvider time)
{
    private readonly Lock _gate = new();
    // The first sample's CPU shares count from the client's start rather than being unknown.
    private CpuTimes _last = CpuTimes.Read();
    private HostCpuUsage? _lastShares;

    public HostUsage Read()
    {
        var disk = new DriveInfo(options.DataDirectory);
        var (size, available) = (disk.TotalSize, disk.AvailableFreeSpace);
        var used = size - disk.TotalFreeSpace;
        return new HostUsage
        {
            Timestamp = time.GetUtcNow(),
            Cpu = CpuSinceLast(),
            Memory = Memory(),
            Disk = new HostDiskUsage(options.DataDirectory, size, used, available, size > 0 ? 100.0 * used / size : 0),
            Uptime = TimeSpan.FromSeconds(double.Parse(File.ReadAllText("/proc/uptime").Split(' ')[0], CultureInfo.InvariantCulture)),
        };
    }

    // Ticks come every 10 ms: a sample with none since the last keeps the last shares (and the last sample, so the next
    // one spans a real interval); before there are any, the shares since boot.
    private HostCpuUsage CpuSinceLast()
    {
        var now = CpuTimes.Read();
        lock (_gate)
        {
            if (now.All <= _last.All) return _lastShares ??= Shares(now, CpuTimes.Zero);
            _lastShares = Shares(now, _last);
            _last = now;
            return _lastShares;
        }
    }

    private static HostCpuUsage Shares(CpuTimes now, CpuTimes last)
    {
        double Share(long ticks) => 100.0 * ticks / (now.All - last.All);
        var idle = Share(now.Idle - last.Idle);
        return new HostCpuUsage(Share(now.User - last.User), Share(now.System - last.System), idle, 100 - idle);
    }

    private static HostMemoryUsage Memory()
    {
        var fields = File.ReadLines("/proc/meminfo")
            .Select(line => line.Split(':', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => long.Parse(pair[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024, StringComparer.Ordinal);
        var total = fields["MemTotal"];
        var available = fields.GetValueOrDefault("MemAvailable", fields["MemFree"]);
        return new HostMemoryUsage(total, available, total - available, fields["MemFree"]);
    }

    // The first line of /proc/stat: user nice system idle iowait irq softirq steal (in clock ticks).
    private sealed record CpuTimes(long User, long System, long Idle, long All)
    {
        public static readonly CpuTimes Zero = new(0, 0, 0, 0);

        public static CpuTimes Read()
        {
            var ticks = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Skip(1).Take(8).Select(t => long.Parse(t, CultureInfo.InvariantCulture)).ToArray();
            return new CpuTimes(ticks[0] + ticks[1], ticks[2] + ticks[5] + ticks[6], ticks[3] + ticks[4], ticks.Sum());
        }
    }
}
