using Reconciler.Resources.Kinds;
using Reconciler.Scheduling.Fit;

namespace Reconciler.Scheduling.Ranking;

/// <summary>One scorer of the ranking pipeline; a node's final score is the mean of the scores its steps give.</summary>
public interface IRankStep
{
    /// <summary>A score in [-1, 1] for placing on <paramref name="node"/> (which fits, as <paramref name="fit"/> says), or null to abstain.</summary>
    double? Score(Node node, FitResult fit);
}
