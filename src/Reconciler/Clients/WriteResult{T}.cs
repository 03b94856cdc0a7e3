using Reconciler.Resources.Model;

namespace Reconciler.Clients;

/// <summary>The outcome of a write and, when the object still exists, its state as stored.</summary>
/// <typeparam name="T">The kind written.</typeparam>
public sealed record WriteResult<T>(WriteOutcome Outcome, T? Resource) where T : Resource
{
    /// <summary>True when the object is now in the requested state (written, unchanged or deleted as asked).</summary>
    public bool Succeeded => Outcome is WriteOutcome.Written or WriteOutcome.Unchanged or WriteOutcome.Deleted;
}
