namespace Reconciler.Resources.Kinds;

/// <summary>How a task group is networked.</summary>
public enum NetworkMode
{
    /// <summary>Tasks use the host's network directly.</summary>
    Host,
    /// <summary>Tasks get a network namespace; ports are mapped from the host.</summary>
    Bridge,
}
