using Reconciler.Resources.Model;

namespace Reconciler.Store.Watch;

/// <summary>A <see cref="WatchQuery"/> made ready to test events against.</summary>
internal sealed class WatchFilter(WatchQuery query)
{
    private readonly LabelSelector _selector = query.Selector ?? LabelSelector.Everything;

    /// <summary>True when the event is about the kind, namespace and labels asked for.</summary>
    public bool Matches(WatchEvent e)
    {
        var key = e.Object.Key;
        return (query.Kind is null || key.Kind == query.Kind)
            && (query.Namespace is null || key.Namespace == query.Namespace)
            && _selector.Matches(e.Object.Metadata.Labels);
    }
}
