using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;

namespace Reconciler.Resources.Kinds;

/// <summary>One process or container of a task group, run by a driver.</summary>
public sealed record JobTask
{
    /// <summary>Unique within the group.</summary>
    [Required]
    public string Name { get; init; } = "";

    /// <summary>The driver that runs the task: docker, exec, raw_exec, java, mock, or one a host adds.</summary>
    [Required]
    public string Driver { get; init; } = "";

    /// <summary>
    /// Driver-specific settings, free-form because each driver defines its own (exec: command, args;
    /// docker: image, ports, …). Kept as JSON so it round-trips through YAML and the store unchanged.
    /// </summary>
    public JsonObject Config { get; init; } = [];

    /// <summary>Environment variables; values may use <c>${…}</c> interpolation.</summary>
    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();

    /// <summary>CPU and memory the task reserves on its node.</summary>
    public TaskResources Resources { get; init; } = new();

    /// <summary>Group volumes mounted into the task.</summary>
    public IReadOnlyList<VolumeMount> VolumeMounts { get; init; } = [];

    /// <summary>Files rendered into the task directory before it starts.</summary>
    public IReadOnlyList<TaskTemplate> Templates { get; init; } = [];

    /// <summary>Services the task offers, with their health checks.</summary>
    public IReadOnlyList<TaskService> Services { get; init; } = [];

    /// <summary>Free key/value pairs; override the group's and the job's.</summary>
    public IReadOnlyDictionary<string, string> Meta { get; init; } = new Dictionary<string, string>();

    /// <summary>How long the driver waits after the stop signal before killing the task (default 5s).</summary>
    public TimeSpan KillTimeout { get; init; } = DefaultKillTimeout;

    /// <summary>The kill timeout of a task that does not set one.</summary>
    public static readonly TimeSpan DefaultKillTimeout = TimeSpan.FromSeconds(5);
}
