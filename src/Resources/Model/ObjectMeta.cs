namespace Reconciler.Resources.Model;

/// <summary>
/// Metadata every object carries. Users write name, namespace, labels, annotations and finalizers;
/// the store writes uid, generation, resourceVersion, createdAt and deletionTimestamp.
/// </summary>
public sealed record ObjectMeta
{
    /// <summary>The namespace a namespaced object lands in when none is given.</summary>
    public const string DefaultNamespace = "default";

    /// <summary>Unique within kind and namespace.</summary>
    public string Name { get; init; } = "";

    /// <summary>The namespace; null for cluster-scoped kinds (Namespace, Node, ...).</summary>
    public string? Namespace { get; init; }

    /// <summary>Identifying key/value pairs, matched by label selectors.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = EmptyMap;

    /// <summary>Non-identifying key/value pairs.</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = EmptyMap;

    /// <summary>Set by the store when the object is created; never changes.</summary>
    public string? Uid { get; init; }

    /// <summary>Bumped by the store whenever the spec changes; 1 on create.</summary>
    public long Generation { get; init; }

    /// <summary>The store revision of the object's last write.</summary>
    public long ResourceVersion { get; init; }

    /// <summary>Set by the store when the object is created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Set when deletion was requested while finalizers remained.</summary>
    public DateTimeOffset? DeletionTimestamp { get; init; }

    /// <summary>Names of controllers that must finish clean-up before the object goes away.</summary>
    public IReadOnlyList<string> Finalizers { get; init; } = [];

    internal static readonly IReadOnlyDictionary<string, string> EmptyMap = new Dictionary<string, string>();
}
