namespace Reconciler.Clients;

/// <summary>What happened to a write made through <see cref="ResourceClient"/>.</summary>
public enum WriteOutcome
{
    /// <summary>The object was written.</summary>
    Written,
    /// <summary>Nothing needed writing: the object already was in the requested state.</summary>
    Unchanged,
    /// <summary>The object changed since it was read; read it again (the change enqueues it anyway).</summary>
    Conflict,
    /// <summary>The object does not exist.</summary>
    NotFound,
    /// <summary>The write removed the last finalizer of an object being deleted, so the object is gone.</summary>
    Deleted,
}
