using System.Diagnostics;

namespace Reconciler.Benchmarks;

/// <summary>Percentiles of latencies measured in <see cref="Stopwatch"/> ticks.</summary>
public sealed class Percentiles(IEnumerable<long> ticks)
{
    private readonly long[] _sorted = [.. ticks.Order()];

    /// <summary>How many samples there are.</summary>
    public int Count => _sorted.Length;

    /// <summary>The <paramref name="percent"/>th percentile in microseconds.</summary>
    public double Microseconds(double percent) => _sorted.Length == 0
        ? 0
        : Math.Round(_sorted[Math.Min(_sorted.Length - 1, (int)(_sorted.Length * percent / 100))] * 1_000_000.0 / Stopwatch.Frequency, 1);
}
