using System.Collections.Concurrent;
using System.Text.RegularExpressions;

using Reconciler.Resources.Kinds;

namespace Reconciler.Scheduling.Placement;

/// <summary>The nodes new allocations may go to: ready, eligible, not draining, in one of the job's datacenters.</summary>
public static class SchedulableNodes
{
    private static readonly ConcurrentDictionary<string, Regex> Globs = new(StringComparer.Ordinal);

    /// <summary>The schedulable nodes of <paramref name="nodes"/> for a job running in <paramref name="datacenters"/>.</summary>
    public static IReadOnlyList<Node> Of(State.NodeTable nodes, IReadOnlyList<string> datacenters) =>
        datacenters.Contains("*") ? nodes.Schedulable : [.. nodes.Schedulable.Where(n => InDatacenters(n.Spec.Datacenter, datacenters))];

    /// <summary>Ready, eligible and not draining.</summary>
    public static bool IsSchedulable(Node node) =>
        node.Status.State == NodeState.Ready && node.Spec.SchedulingEligibility == SchedulingEligibility.Eligible && node.Spec.Drain is null;

    /// <summary>True when <paramref name="datacenter"/> matches one of <paramref name="datacenters"/>, which may use <c>*</c> wildcards.</summary>
    public static bool InDatacenters(string datacenter, IReadOnlyList<string> datacenters)
    {
        foreach (var pattern in datacenters)
        {
            if (pattern == "*" || pattern == datacenter) return true;
            if (pattern.Contains('*') && Globs.GetOrAdd(pattern, p => new Regex("^" + Regex.Escape(p).Replace("\\*", ".*") + "$", RegexOptions.CultureInvariant)).IsMatch(datacenter)) return true;
        }
        return false;
    }
}
