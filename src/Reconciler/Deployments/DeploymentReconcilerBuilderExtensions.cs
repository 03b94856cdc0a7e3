using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

using Reconciler.Hosting;
using Reconciler.Resources.Kinds;
using Reconciler.Scheduling;

namespace Reconciler.Deployments;

/// <summary>Adds deployments and job history to a runtime that has the scheduler (<c>AddScheduler()</c>).</summary>
public static class DeploymentReconcilerBuilderExtensions
{
    /// <summary>
    /// Registers the <see cref="JobVersion"/> kind, job history and revert, the deployment starter the scheduler
    /// asks for a job version's deployment, <see cref="DeploymentControl"/> for operators, and the deployment and
    /// job history controllers.
    /// </summary>
    public static ReconcilerBuilder AddDeployments(this ReconcilerBuilder builder, DeploymentOptions? options = null)
    {
        var services = builder.Services;
        services.TryAddSingleton(options ?? new DeploymentOptions());
        services.TryAddSingleton<JobHistory>();
        services.TryAddSingleton<JobReverter>();
        services.TryAddSingleton<DeploymentControl>();
        services.TryAddSingleton<IDeploymentSource, DeploymentStarter>();
        return builder
            .AddResourceKind<JobVersion>()
            .AddController<JobHistoryReconciler, Job>()
            .AddController<DeploymentReconciler, Deployment>(o => o
                .Watch<Allocation>(a => a.Spec.DeploymentId is { } id ? [new("Deployment", a.Metadata.Namespace, id)] : []));
    }
}
