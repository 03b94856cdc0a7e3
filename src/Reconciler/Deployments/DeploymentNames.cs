using System.Globalization;
using Reconciler.Evaluations;
using Reconciler.Resources.Model;
using Reconciler.Resources.Validation;

namespace Reconciler.Deployments;

/// <summary>
/// Deployments and job versions are named after their job and version, so the scheduler, the controllers and the
/// API find them without a lookup and creating one twice is harmless.
/// </summary>
public static class DeploymentNames
{
    /// <summary>The deployment of <paramref name="job"/> at <paramref name="version"/>, e.g. <c>web-3</c>.</summary>
    public static ResourceKey Deployment(string? @namespace, string job, long version) => new("Deployment", @namespace, ResourceNames.Derive(job, version.ToString(CultureInfo.InvariantCulture)));

    /// <summary>
    /// The recorded version <paramref name="version"/> of <paramref name="job"/>, e.g. <c>web-v3</c>: named as the
    /// evaluation of that version (<see cref="EvaluationNames.ForVersion"/>), the one place that spelling lives.
    /// </summary>
    public static ResourceKey JobVersion(string? @namespace, string job, long version) => new("JobVersion", @namespace, EvaluationNames.ForVersion(job, version));
}
