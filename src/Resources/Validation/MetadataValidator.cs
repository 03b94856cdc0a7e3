using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;

namespace Reconciler.Resources.Validation;

/// <summary>The metadata rules every kind shares: a name, and a namespace only where the kind has one.</summary>
internal static class MetadataValidator
{
    public static void Validate(Resource resource, ValidationReport report)
    {
        var info = KindInfo.Of(resource.GetType());
        var builtIn = BuiltInKinds.Types.Contains(resource.GetType());
        var name = resource.Metadata.Name;
        if (string.IsNullOrWhiteSpace(name))
            report.Add("metadata.name", "missing required field 'name'", "every object needs a name, e.g. metadata: { name: web }");
        else if (builtIn && !ResourceNames.IsValid(name))
            report.Add("metadata.name", $"'{name}' is not a valid {info.Name} name", ResourceNames.Rule);

        var ns = resource.Metadata.Namespace;
        if (ns is null) return;
        if (info.ClusterScoped)
            report.Add("metadata.namespace", $"{info.Name} is cluster-scoped and has no namespace", "remove metadata.namespace");
        else if (builtIn && !ResourceNames.IsValid(ns))
            report.Add("metadata.namespace", $"'{ns}' is not a valid namespace name", ResourceNames.Rule);
    }
}
