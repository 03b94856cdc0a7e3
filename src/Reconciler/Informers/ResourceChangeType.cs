namespace Reconciler.Informers;

/// <summary>Why an informer tells its subscribers about an object.</summary>
public enum ResourceChangeType
{
    /// <summary>The object appeared (first list, or created).</summary>
    Added,
    /// <summary>The object was replaced.</summary>
    Modified,
    /// <summary>The object is gone; the change carries its last known state.</summary>
    Deleted,
    /// <summary>Nothing changed; a periodic resync asks for the object to be looked at again.</summary>
    Resync,
}
