namespace Reconciler.Client.Stats;

/// <summary>One file system's space in bytes.</summary>
/// <param name="Path">The directory it was measured at.</param>
/// <param name="Size">The file system's size.</param>
/// <param name="Used">Size minus free space.</param>
/// <param name="Available">Free space an unprivileged user may use.</param>
/// <param name="UsedPercent">Used in percent of the size.</param>
public sealed record HostDiskUsage(string Path, long Size, long Used, long Available, double UsedPercent);
