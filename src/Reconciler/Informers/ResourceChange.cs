using Reconciler.Resources.Model;

namespace Reconciler.Informers;

/// <summary>
/// One change an informer saw: its type, the object as it is now (its last state for a deletion) and, for a
/// modification, the state it replaced. Used to decide whether to enqueue a key, never as reconcile input.
/// </summary>
public sealed record ResourceChange(ResourceChangeType Type, Resource Object, Resource? Previous = null);
