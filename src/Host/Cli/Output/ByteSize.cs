using System.Globalization;

namespace Reconciler.Host.Cli.Output;

/// <summary>A count of bytes as a person reads it: B, KiB, MiB or GiB with one decimal.</summary>
public static class ByteSize
{
    /// <summary>Formats <paramref name="bytes"/>.</summary>
    public static string Format(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB"),
        < 1024L * 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024 * 1024):0.0} GiB"),
    };
}
