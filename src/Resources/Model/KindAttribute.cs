namespace Reconciler.Resources.Model;

/// <summary>Names the kind a resource type is stored and parsed as.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class KindAttribute(string name) : Attribute
{
    /// <summary>The kind name as written in manifests, e.g. <c>Job</c>.</summary>
    public string Name { get; } = name;

    /// <summary>True for kinds that live outside namespaces (Namespace, Node).</summary>
    public bool ClusterScoped { get; init; }

    /// <summary>True for kinds written by controllers, not by users (Node, Allocation, ...).</summary>
    public bool System { get; init; }
}
