namespace Reconciler.Drivers.Docker;

/// <summary>The labels that tie a container to its allocation and task, so it can be found again.</summary>
public static class ContainerLabels
{
    /// <summary>The allocation id.</summary>
    public const string AllocationId = "recon.alloc_id";

    /// <summary>The task's name.</summary>
    public const string Task = "recon.task";

    /// <summary>The job's namespace.</summary>
    public const string Namespace = "recon.namespace";

    /// <summary>The job's name.</summary>
    public const string Job = "recon.job";

    /// <summary>The id of the node whose client started the container: a restarted client lists its own containers by it.</summary>
    public const string NodeId = "recon.node_id";
}
