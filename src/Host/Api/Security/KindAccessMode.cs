namespace Reconciler.Host.Api.Security;

/// <summary>How a request touches objects of a kind.</summary>
public enum KindAccessMode
{
    /// <summary>Lists them.</summary>
    List,
    /// <summary>Reads one.</summary>
    Read,
    /// <summary>Creates, changes or deletes one.</summary>
    Write,
}
