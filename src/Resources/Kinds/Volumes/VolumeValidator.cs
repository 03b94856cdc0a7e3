using Reconciler.Resources.Validation;

namespace Reconciler.Resources.Kinds;

/// <summary>Checks that a volume's path is absolute, since it is resolved on every node alike.</summary>
public sealed class VolumeValidator : IResourceValidator<Volume>
{
    /// <inheritdoc />
    public void Validate(Volume resource, ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(report);
        var path = resource.Spec.Path;
        if (path.Length > 0 && !path.StartsWith('/'))
            report.Add("spec.path", $"'{path}' is not an absolute path", "host volume paths start with '/', e.g. /srv/data");
    }
}
