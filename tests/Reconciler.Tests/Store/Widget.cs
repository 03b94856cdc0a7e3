using Reconciler.Resources.Model;

namespace Reconciler.Tests.Store;

/// <summary>A kind only the tests know, proving custom kinds are stored like built-in ones.</summary>
[Kind("Widget")]
public sealed record Widget : Resource<WidgetSpec, ResourceStatus>
{
    public static Widget Create(string name, string color = "red", int size = 1, string? @namespace = null, IReadOnlyDictionary<string, string>? labels = null) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = @namespace, Labels = labels ?? new Dictionary<string, string>() },
        Spec = new WidgetSpec { Color = color, Size = size },
    };
}

public sealed record WidgetSpec
{
    public string Color { get; init; } = "";

    public int Size { get; init; }
}
