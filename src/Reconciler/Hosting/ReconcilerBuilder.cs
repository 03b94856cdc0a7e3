using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

using Reconciler.Controllers;
using Reconciler.LeaderElection;
using Reconciler.Reconciliation;
using Reconciler.Resources.Model;
using Reconciler.Resources.Validation;

namespace Reconciler.Hosting;

/// <summary>Adds controllers, custom kinds and leader-only work to a runtime set up by <c>AddReconciler</c>.</summary>
public sealed class ReconcilerBuilder
{
    internal ReconcilerBuilder(IServiceCollection services, ReconcilerOptions options)
    {
        Services = services;
        Options = options;
    }

    /// <summary>The service collection the runtime is registered in.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The runtime's options.</summary>
    public ReconcilerOptions Options { get; }

    /// <summary>
    /// Runs <typeparamref name="TReconciler"/> for every object of <typeparamref name="TResource"/>. The reconciler
    /// (and any finalizer) is resolved from a DI scope per reconcile, so it may depend on scoped services.
    /// </summary>
    public ReconcilerBuilder AddController<TReconciler, TResource>(Action<ControllerOptions<TResource>>? configure = null)
        where TReconciler : class, IReconciler<TResource>
        where TResource : Resource
    {
        var options = new ControllerOptions<TResource> { ReconcilerType = typeof(TReconciler) };
        configure?.Invoke(options);
        Options.Kinds.Register<TResource>();
        Services.TryAddScoped<TReconciler>();
        foreach (var (_, type) in options.Finalizers) Services.TryAddScoped(type);
        Services.AddSingleton<IController>(provider => ActivatorUtilities.CreateInstance<Controller<TResource>>(provider, options));
        return this;
    }

    /// <summary>
    /// Makes <typeparamref name="TResource"/> a kind like the built-in ones: parsed from manifests, admitted
    /// through <paramref name="validator"/> and <paramref name="defaulter"/>, stored and watched.
    /// </summary>
    public ReconcilerBuilder AddResourceKind<TResource>(IResourceValidator<TResource>? validator = null, IResourceDefaulter<TResource>? defaulter = null)
        where TResource : Resource
    {
        Options.Kinds.Register<TResource>();
        if (defaulter is not null) Options.Admission.AddDefaulter(defaulter);
        if (validator is not null) Options.Admission.AddValidator(validator);
        return this;
    }

    /// <summary>Runs <typeparamref name="TWork"/> (a singleton, also resolvable as itself) whenever this process leads (always, on a single server).</summary>
    public ReconcilerBuilder AddLeaderWork<TWork>() where TWork : class, ILeaderWork
    {
        Services.TryAddSingleton<TWork>();
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<ILeaderWork, TWork>(provider => provider.GetRequiredService<TWork>()));
        return this;
    }
}
