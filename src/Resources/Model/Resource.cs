using System.Text.Json.Serialization;

namespace Reconciler.Resources.Model;

/// <summary>
/// The base of every object Reconciler stores: <c>apiVersion</c>, <c>kind</c> and <c>metadata</c>.
/// Concrete kinds derive from <see cref="Resource{TSpec, TStatus}"/> and carry a <see cref="KindAttribute"/>.
/// </summary>
public abstract record Resource
{
    /// <summary>The API version every built-in kind is served under.</summary>
    public const string DefaultApiVersion = "recon/v1";

    /// <summary>The API group and version, <c>recon/v1</c> for built-in kinds.</summary>
    [JsonPropertyOrder(-3)]
    public string ApiVersion { get; init; } = DefaultApiVersion;

    /// <summary>The kind name, taken from the type's <see cref="KindAttribute"/>.</summary>
    [JsonPropertyOrder(-2)]
    public string Kind => KindInfo.Of(GetType()).Name;

    /// <summary>Name, namespace, labels and the fields the store maintains.</summary>
    [JsonPropertyOrder(-1)]
    public ObjectMeta Metadata { get; init; } = new();

    /// <summary>The key that identifies this object in the store.</summary>
    [JsonIgnore]
    public ResourceKey Key => new(Kind, KindInfo.Of(GetType()).ClusterScoped ? null : Metadata.Namespace ?? ObjectMeta.DefaultNamespace, Metadata.Name);

    /// <summary>The spec as an untyped object, for code that handles every kind alike (diffs, generation bumps).</summary>
    [JsonIgnore]
    public abstract object UntypedSpec { get; }

    /// <summary>The status as an untyped object.</summary>
    [JsonIgnore]
    public abstract ResourceStatus UntypedStatus { get; }

    /// <summary>Returns a copy with other metadata.</summary>
    public Resource WithMetadata(ObjectMeta metadata) => this with { Metadata = metadata };

    /// <summary>Returns a copy with another status.</summary>
    public abstract Resource WithUntypedStatus(ResourceStatus status);
}

/// <summary>A resource with a typed spec (desired state) and status (observed state).</summary>
public abstract record Resource<TSpec, TStatus> : Resource
    where TSpec : class, new()
    where TStatus : ResourceStatus, new()
{
    /// <summary>Desired state, written by users.</summary>
    public TSpec Spec { get; init; } = new();

    /// <summary>Observed state, written by controllers.</summary>
    public TStatus Status { get; init; } = new();

    // System.Text.Json reads attributes from the most-derived declaration, so the overrides must
    // repeat [JsonIgnore]; without it every stored object carried its spec and status twice.
    /// <inheritdoc />
    [JsonIgnore]
    public override object UntypedSpec => Spec;

    /// <inheritdoc />
    [JsonIgnore]
    public override ResourceStatus UntypedStatus => Status;

    /// <inheritdoc />
    public override Resource WithUntypedStatus(ResourceStatus status) => this with { Status = (TStatus)status };
}
