using Reconciler.Resources.Kinds;
using Reconciler.Scheduling.Placement;

namespace Reconciler.Scheduling.Feasibility;

/// <summary>
/// The feasibility pipeline of one task group: static checks (drivers, host volumes, constraints) whose answer
/// does not change while a plan is made, so it is remembered per <see cref="ComputedNodeClass"/> (per node for the
/// few constraints on unique properties), then dynamic ones (distinct_hosts, distinct_property) that depend on
/// what the plan already placed.
/// </summary>
public sealed class FeasibilityChecks
{
    private readonly IReadOnlyList<IFeasibilityCheck> _static;
    private readonly IReadOnlyList<IFeasibilityCheck> _perNode;
    private readonly IReadOnlyList<IFeasibilityCheck> _dynamic;
    private readonly Dictionary<int, string?> _byClass = [];

    /// <summary>The checks <paramref name="group"/> asks for; distinct checks count through <paramref name="presence"/>.</summary>
    public FeasibilityChecks(TaskGroup group, GroupPresence presence)
    {
        var drivers = group.Tasks.Select(t => t.Driver).Distinct(StringComparer.Ordinal).ToList();
        List<IFeasibilityCheck> statics = [new DriverCheck(drivers), new HostVolumeCheck([.. group.Volumes.Values.Where(v => v.Type == VolumeType.Host)])];
        List<IFeasibilityCheck> perNode = [];
        List<IFeasibilityCheck> dynamics = [];
        foreach (var constraint in group.Constraints)
        {
            switch (constraint.Operator)
            {
                case ConstraintOperator.DistinctHosts:
                    dynamics.Add(new DistinctHostsCheck(presence));
                    break;
                case ConstraintOperator.DistinctProperty:
                    presence.Track(constraint.Attribute ?? "");
                    dynamics.Add(new DistinctPropertyCheck(constraint, presence));
                    break;
                case var _ when ComputedNodeClass.EscapesClass(constraint.Attribute) || ComputedNodeClass.EscapesClass(constraint.Value):
                    perNode.Add(new ConstraintCheck(constraint));
                    break;
                default:
                    statics.Add(new ConstraintCheck(constraint));
                    break;
            }
        }
        _static = statics;
        _perNode = perNode;
        _dynamic = dynamics;
    }

    /// <summary>Null when the group may run on <paramref name="node"/>; otherwise the first reason it may not.</summary>
    public string? WhyInfeasible(Node node)
    {
        var nodeClass = ComputedNodeClass.Of(node);
        if (!_byClass.TryGetValue(nodeClass, out var reason))
        {
            reason = FirstReason(_static, node);
            _byClass[nodeClass] = reason;
        }
        return reason ?? FirstReason(_perNode, node) ?? FirstReason(_dynamic, node);
    }

    private static string? FirstReason(IReadOnlyList<IFeasibilityCheck> checks, Node node)
    {
        foreach (var check in checks)
            if (check.WhyInfeasible(node) is { } why) return why;
        return null;
    }
}
