using Reconciler.Resources.Kinds;

namespace Reconciler.Scheduling.Feasibility;

/// <summary>One step of the feasibility pipeline: may the group run on a node at all, resources aside?</summary>
public interface IFeasibilityCheck
{
    /// <summary>Null when <paramref name="node"/> passes; otherwise why not, for people (e.g. <c>constraint ${attr.kernel.name} = linux</c>).</summary>
    string? WhyInfeasible(Node node);
}
