using System.Globalization;

using Reconciler.Resources.Kinds;

namespace Reconciler.Client.Environment;

/// <summary>
/// The values <c>${…}</c> resolves to for one task: its <c>RECON_*</c> variables, the task's own env, and the
/// node's <c>attr.*</c>, <c>node.*</c> and <c>meta.*</c>.
/// </summary>
public sealed record RuntimeValues(IReadOnlyDictionary<string, string> Variables, Node Node)
{
    /// <summary>The <c>RECON_*</c> variables of a task of <paramref name="allocation"/> on <paramref name="node"/>.</summary>
    public static IReadOnlyDictionary<string, string> ReconVariables(Allocation allocation, string taskName, Node node,
        string allocationDirectory, string taskDirectory, string address)
    {
        var variables = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["RECON_ALLOC_ID"] = allocation.Metadata.Name,
            ["RECON_ALLOC_NAME"] = allocation.Spec.Name,
            ["RECON_ALLOC_INDEX"] = allocation.Spec.Index.ToString(CultureInfo.InvariantCulture),
            ["RECON_JOB_NAME"] = allocation.Spec.Job,
            ["RECON_NAMESPACE"] = allocation.Metadata.Namespace ?? "default",
            ["RECON_GROUP_NAME"] = allocation.Spec.Group,
            ["RECON_TASK_NAME"] = taskName,
            ["RECON_ALLOC_DIR"] = allocationDirectory,
            ["RECON_TASK_DIR"] = taskDirectory,
            ["RECON_DC"] = node.Spec.Datacenter,
            ["RECON_NODE_NAME"] = node.Metadata.Name,
        };
        foreach (var port in allocation.Spec.Ports)
        {
            var value = port.Value.ToString(CultureInfo.InvariantCulture);
            variables[$"RECON_PORT_{port.Label}"] = value;
            variables[$"RECON_HOST_PORT_{port.Label}"] = value;
            variables[$"RECON_ADDR_{port.Label}"] = $"{port.HostIp ?? address}:{value}";
        }
        return variables;
    }

    /// <summary>The value of <c>${name}</c>, or null when nothing is known by that name.</summary>
    public string? Resolve(string name)
    {
        if (Variables.TryGetValue(name, out var variable)) return variable;
        if (name.StartsWith("attr.", StringComparison.Ordinal))
            return Node.Spec.Attributes.GetValueOrDefault(name["attr.".Length..]);
        if (name.StartsWith("meta.", StringComparison.Ordinal))
            return Node.Spec.Meta.GetValueOrDefault(name["meta.".Length..]);
        return name switch
        {
            "node.datacenter" => Node.Spec.Datacenter,
            "node.class" => Node.Spec.NodeClass ?? "",
            "node.unique.name" or "node.name" => Node.Metadata.Name,
            "node.unique.id" => Node.Metadata.Uid ?? Node.Metadata.Name,
            _ => null,
        };
    }
}
