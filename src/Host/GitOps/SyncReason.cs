namespace Reconciler.Host.GitOps;

/// <summary>Why a GitOps sync runs.</summary>
public enum SyncReason
{
    /// <summary>The interval passed.</summary>
    Interval,

    /// <summary>A manifest under the directory changed.</summary>
    Changed,
}
