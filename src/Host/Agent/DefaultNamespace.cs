using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;
using Reconciler.Store;

namespace Reconciler.Host.Agent;

/// <summary>Nomad's <c>default</c> namespace: created when an agent starts on a store that lacks it, so objects without a namespace have one.</summary>
public static class DefaultNamespace
{
    /// <summary>Creates the namespace unless it exists.</summary>
    public static async Task EnsureAsync(IResourceStore store, CancellationToken cancellationToken)
    {
        var key = new ResourceKey(KindInfo.Of<Namespace>().Name, null, ObjectMeta.DefaultNamespace);
        if (await store.GetAsync(key, cancellationToken) is not null) return;
        var ns = new Namespace
        {
            Metadata = new ObjectMeta { Name = ObjectMeta.DefaultNamespace },
            Spec = new NamespaceSpec { Description = "Default shared namespace" },
        };
        try
        {
            await store.PutAsync(ns, expectedRevision: 0, cancellationToken);
        }
        catch (ConflictException)
        {
            // Created meanwhile: that is all we wanted.
        }
    }
}
