using Reconciler.Resources.Kinds;
using Reconciler.Scheduling.Placement;

namespace Reconciler.Scheduling.Feasibility;

/// <summary>
/// The feasibility pipeline of one task group: static checks (drivers, host volumes, constraints) whose answer
/// per node does not change while a plan is made, so it is remembered, then dynamic ones (distinct_hosts,
/// distinct_property) that depend on what the plan already placed.
/// </summary>
public sealed class FeasibilityChecks
{
    private readonly IReadOnlyList<IFeasibilityCheck> _static;
    private readonly IReadOnlyList<IFeasibilityCheck> _dynamic;
    private readonly Dictionary<string, string?> _remembered = new(StringComparer.Ordinal);

    /// <summary>The checks <paramref name="group"/> asks for; distinct checks count through <paramref name="presence"/>.</summary>
    public FeasibilityChecks(TaskGroup group, GroupPresence presence)
    {
        var drivers = group.Tasks.Select(t => t.Driver).Distinct(StringComparer.Ordinal).ToList();
        List<IFeasibilityCheck> statics = [new DriverCheck(drivers), new HostVolumeCheck([.. group.Volumes.Values.Where(v => v.Type == VolumeType.Host)])];
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
                default:
                    statics.Add(new ConstraintCheck(constraint));
                    break;
            }
        }
        _static = statics;
        _dynamic = dynamics;
    }

    /// <summary>Null when the group may run on <paramref name="node"/>; otherwise the first reason it may not.</summary>
    public string? WhyInfeasible(Node node)
    {
        var name = node.Metadata.Name;
        if (!_remembered.TryGetValue(name, out var reason))
        {
            reason = null;
            foreach (var check in _static)
                if ((reason = check.WhyInfeasible(node)) is not null) break;
            _remembered[name] = reason;
        }
        if (reason is not null) return reason;
        foreach (var check in _dynamic)
            if (check.WhyInfeasible(node) is { } why) return why;
        return null;
    }
}
