using System.Text.Json;
using System.Text.Json.Nodes;

namespace Reconciler.Drivers.Processes;

/// <summary>What a process driver persists in a <see cref="TaskHandle"/> to find its task again.</summary>
internal sealed record ProcessTaskState
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The task's session and group leader.</summary>
    public int Pid { get; init; }

    /// <summary>The leader's start time in clock ticks since boot, so a reused pid is not mistaken for it.</summary>
    public long StartTicks { get; init; }

    /// <summary>Where the launcher writes the task's exit code.</summary>
    public string ExitFile { get; init; } = "";

    /// <summary>The named pipe the task writes its stdout to.</summary>
    public string StdoutFifo { get; init; } = "";

    /// <summary>The named pipe the task writes its stderr to.</summary>
    public string StderrFifo { get; init; } = "";

    /// <summary>The task's memory cgroup directory, when it has one.</summary>
    public string? CgroupPath { get; init; }

    /// <summary>"v1" or "v2", when it has a cgroup.</summary>
    public string? CgroupVersion { get; init; }

    /// <summary>The task's cgroup v2 directory whose <c>cgroup.kill</c> ends all of it, when it has one.</summary>
    public string? KillCgroupPath { get; init; }

    public ProcessIdentity Identity => new(Pid, StartTicks);

    public JsonObject ToJson() => JsonSerializer.SerializeToNode(this, Json)!.AsObject();

    public static ProcessTaskState? FromJson(JsonObject json)
    {
        try
        {
            return json.Deserialize<ProcessTaskState>(Json) is { Pid: > 0 } state ? state : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
