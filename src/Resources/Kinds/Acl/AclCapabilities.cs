namespace Reconciler.Resources.Kinds;

/// <summary>
/// The namespace capabilities of ACL rules, after Nomad's, and what the <c>read</c> and <c>write</c> policies expand to.
/// </summary>
public static class AclCapabilities
{
    /// <summary>Refuses every capability in the namespace, whatever other rules grant.</summary>
    public const string Deny = "deny";

    /// <summary>List jobs (and the allocations, deployments, evaluations of the namespace).</summary>
    public const string ListJobs = "list-jobs";

    /// <summary>Read a job, its versions, allocations, deployments and evaluations.</summary>
    public const string ReadJob = "read-job";

    /// <summary>Register, plan, stop, revert jobs; promote, pause, fail deployments.</summary>
    public const string SubmitJob = "submit-job";

    /// <summary>Dispatch a parameterized job.</summary>
    public const string DispatchJob = "dispatch-job";

    /// <summary>Read task logs.</summary>
    public const string ReadLogs = "read-logs";

    /// <summary>Read an allocation's files.</summary>
    public const string ReadFs = "read-fs";

    /// <summary>Run a command inside a task.</summary>
    public const string AllocExec = "alloc-exec";

    /// <summary>Stop and restart allocations.</summary>
    public const string AllocLifecycle = "alloc-lifecycle";

    /// <summary>Change a group's count.</summary>
    public const string ScaleJob = "scale-job";

    /// <summary>Read a job's scaling status.</summary>
    public const string ReadJobScaling = "read-job-scaling";

    /// <summary>List scaling policies.</summary>
    public const string ListScalingPolicies = "list-scaling-policies";

    /// <summary>Read a scaling policy.</summary>
    public const string ReadScalingPolicy = "read-scaling-policy";

    /// <summary>Submit a scaling recommendation.</summary>
    public const string SubmitRecommendation = "submit-recommendation";

    /// <summary>List and read host volumes.</summary>
    public const string HostVolumeRead = "host-volume-read";

    /// <summary>Create, change and delete host volumes.</summary>
    public const string HostVolumeWrite = "host-volume-write";

    /// <summary>List and read secrets (their keys; values never leave the API).</summary>
    public const string ReadSecret = "read-secret";

    /// <summary>Create, change and delete secrets.</summary>
    public const string WriteSecret = "write-secret";

    /// <summary>What <c>policy: read</c> grants.</summary>
    public static IReadOnlyList<string> Read { get; } =
        [ListJobs, ReadJob, ReadJobScaling, ListScalingPolicies, ReadScalingPolicy, HostVolumeRead, ReadSecret];

    /// <summary>What <c>policy: write</c> grants: everything <c>read</c> does and every change.</summary>
    public static IReadOnlyList<string> Write { get; } =
        [.. Read, SubmitJob, DispatchJob, ReadLogs, ReadFs, AllocExec, AllocLifecycle, ScaleJob, SubmitRecommendation, HostVolumeWrite, WriteSecret];

    /// <summary>Every capability a rule may name, <see cref="Deny"/> included.</summary>
    public static IReadOnlyList<string> All { get; } = [Deny, .. Write];

    /// <summary>What a coarse policy expands to; <c>deny</c> to <see cref="Deny"/>, none to nothing.</summary>
    public static IReadOnlyList<string> Of(AclLevel? level) => level switch
    {
        AclLevel.Deny => [Deny],
        AclLevel.Read => Read,
        AclLevel.Write => Write,
        _ => [],
    };
}
