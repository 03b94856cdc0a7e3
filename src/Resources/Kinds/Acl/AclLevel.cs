namespace Reconciler.Resources.Kinds;

/// <summary>A coarse ACL grant, as Nomad's <c>policy = "read"</c>. Ordered: a higher grant includes the lower.</summary>
public enum AclLevel
{
    /// <summary>Refuses everything, whatever other rules grant.</summary>
    Deny,
    /// <summary>Read only.</summary>
    Read,
    /// <summary>Read and change.</summary>
    Write,
}
