using Reconciler.Resources.Model;

namespace Reconciler.Tests.Fixtures;

/// <summary>A kind only the runtime tests know.</summary>
[Kind("Gizmo")]
public sealed record Gizmo : Resource<GizmoSpec, GizmoStatus>
{
    public static Gizmo Create(string name, string value = "v0", IReadOnlyDictionary<string, string>? labels = null) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "default", Labels = labels ?? new Dictionary<string, string>() },
        Spec = new GizmoSpec { Value = value },
    };

    public static ResourceKey KeyOf(string name) => new("Gizmo", "default", name);
}

public sealed record GizmoSpec
{
    public string Value { get; init; } = "";

    public string? Owner { get; init; }
}

public sealed record GizmoStatus : ResourceStatus
{
    public string? Seen { get; init; }
}
