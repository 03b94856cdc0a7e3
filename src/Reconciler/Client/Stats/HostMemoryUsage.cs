namespace Reconciler.Client.Stats;

/// <summary>The machine's memory in bytes.</summary>
/// <param name="Total">MemTotal.</param>
/// <param name="Available">MemAvailable: what could be given to new work without swapping.</param>
/// <param name="Used">Total minus available.</param>
/// <param name="Free">MemFree: not used at all (caches not counted).</param>
public sealed record HostMemoryUsage(long Total, long Available, long Used, long Free);
