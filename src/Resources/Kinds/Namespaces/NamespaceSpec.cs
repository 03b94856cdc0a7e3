namespace Reconciler.Resources.Kinds;

/// <summary>The desired state of a <see cref="Namespace"/>, after Nomad's namespace specification.</summary>
public sealed record NamespaceSpec
{
    /// <summary>A sentence for people.</summary>
    public string? Description { get; init; }

    /// <summary>Free key/value pairs.</summary>
    public IReadOnlyDictionary<string, string> Meta { get; init; } = new Dictionary<string, string>();

    /// <summary>What jobs in the namespace may use.</summary>
    public NamespaceCapabilities Capabilities { get; init; } = new();
}
