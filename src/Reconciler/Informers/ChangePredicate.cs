using Reconciler.Resources.Model;

namespace Reconciler.Informers;

/// <summary>
/// Decides whether a change should enqueue its key. A controller enqueues a change only when every one of
/// its predicates matches.
/// </summary>
public abstract class ChangePredicate
{
    /// <summary>
    /// Matches additions, deletions, resyncs and modifications that changed the spec (metadata.generation) or
    /// requested deletion; ignores status-only and label-only writes, such as a controller's own status updates.
    /// </summary>
    public static ChangePredicate GenerationChanged { get; } = new GenerationChangedPredicate();

    /// <summary>Matches changes to objects whose labels satisfy <paramref name="selector"/>.</summary>
    public static ChangePredicate Labels(LabelSelector selector) => new LabelPredicate(selector);

    /// <summary>Matches changes to objects whose labels satisfy <paramref name="selector"/>, e.g. <c>app=web,tier!=db</c>.</summary>
    public static ChangePredicate Labels(string selector) => new LabelPredicate(LabelSelector.Parse(selector));

    /// <summary>Matches the changes <paramref name="match"/> accepts.</summary>
    public static ChangePredicate Where(Func<ResourceChange, bool> match) => new CustomPredicate(match);

    /// <summary>True when <paramref name="change"/> should enqueue its key.</summary>
    public abstract bool Matches(ResourceChange change);

    private sealed class GenerationChangedPredicate : ChangePredicate
    {
        public override bool Matches(ResourceChange change) =>
            change.Type != ResourceChangeType.Modified
            || change.Previous is null
            || change.Previous.Metadata.Generation != change.Object.Metadata.Generation
            || change.Previous.Metadata.DeletionTimestamp != change.Object.Metadata.DeletionTimestamp;
    }

    private sealed class LabelPredicate(LabelSelector selector) : ChangePredicate
    {
        public override bool Matches(ResourceChange change) => selector.Matches(change.Object.Metadata.Labels);
    }

    private sealed class CustomPredicate(Func<ResourceChange, bool> match) : ChangePredicate
    {
        public override bool Matches(ResourceChange change) => match(change);
    }
}
