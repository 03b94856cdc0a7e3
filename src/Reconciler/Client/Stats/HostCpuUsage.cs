namespace Reconciler.Client.Stats;

/// <summary>CPU time shares of all cores over an interval, in percent (user + system + idle + the rest = 100).</summary>
/// <param name="User">Time in user mode (nice included).</param>
/// <param name="System">Time in the kernel (interrupts included).</param>
/// <param name="Idle">Time idle or waiting for I/O.</param>
/// <param name="Total">Time busy: 100 minus idle.</param>
public sealed record HostCpuUsage(double User, double System, double Idle, double Total);
