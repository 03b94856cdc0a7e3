using Reconciler.Resources.Model;
using Reconciler.Resources.Validation;

namespace Reconciler.Host.Tests.Fixtures;

/// <summary>A custom kind only these tests know, served by the API like a built-in one.</summary>
[Kind("Widget")]
public sealed record Widget : Resource<WidgetSpec, ResourceStatus>;

/// <summary>What a widget is.</summary>
public sealed record WidgetSpec
{
    /// <summary>How many; at least one.</summary>
    public int Size { get; init; } = 1;
}

/// <summary>Rejects widgets smaller than one.</summary>
public sealed class WidgetValidator : IResourceValidator<Widget>
{
    public void Validate(Widget resource, ValidationReport report)
    {
        if (resource.Spec.Size < 1) report.Add("spec.size", "a widget has a size of at least 1");
    }
}
