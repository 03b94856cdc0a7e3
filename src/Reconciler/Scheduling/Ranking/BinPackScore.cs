using Reconciler.Resources.Kinds;
using Reconciler.Scheduling.Fit;

namespace Reconciler.Scheduling.Ranking;

/// <summary>
/// Best-fit bin packing: the fuller a node would be with the allocation, the higher it scores, so work packs onto
/// few nodes and large holes stay open. Nomad's curve: 20 − (10^freeCpu + 10^freeMemory), scaled to [0, 1].
/// </summary>
public sealed class BinPackScore : IRankStep
{
    private const double MaxFitScore = 18.0;

    /// <inheritdoc />
    public double? Score(Node node, FitResult fit)
    {
        var freeCpu = Free(fit.CpuAfter, node.Spec.Resources.Cpu);
        var freeMemory = Free(fit.MemoryAfter, node.Spec.Resources.MemoryMB);
        var score = 20.0 - (Math.Pow(10, freeCpu) + Math.Pow(10, freeMemory));
        return Math.Clamp(score, 0, MaxFitScore) / MaxFitScore;
    }

    private static double Free(int used, int total) => total <= 0 ? 0 : Math.Clamp(1.0 - (double)used / total, 0, 1);
}
