using System.Text;
using System.Text.Json.Nodes;
using Reconciler.Drivers.Logs;

namespace Reconciler.Drivers.Tests.Support;

/// <summary>A temporary allocation directory for one test, with a task configuration builder.</summary>
public sealed class TaskDirectory : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("recon-driver-test-").FullName;

    public string AllocationId { get; } = Guid.NewGuid().ToString("N")[..12];

    public TaskConfiguration Task(string name, JsonObject config, Action<TaskConfigurationOptions>? configure = null)
    {
        var options = new TaskConfigurationOptions();
        configure?.Invoke(options);
        return new TaskConfiguration
        {
            AllocationId = AllocationId,
            TaskName = name,
            JobName = "test",
            Config = config,
            Env = options.Env,
            AllocationDirectory = Root,
            TaskDirectory = Path.Combine(Root, name),
            Logs = options.Logs,
            Ports = options.Ports,
            Mounts = options.Mounts,
            User = options.User,
            Resources = options.Resources,
        };
    }

    public static string ReadLog(TaskConfiguration task, TaskLogStream stream)
    {
        var files = task.LogFiles(stream);
        return string.Concat(files.ExistingIndexes().Select(index => File.ReadAllText(files.PathOf(index), Encoding.UTF8)));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file a container wrote as another user, or a straggler: the temp dir is cleaned by the OS.
        }
    }
}

public sealed class TaskConfigurationOptions
{
    public Dictionary<string, string> Env { get; } = [];
    public TaskLogLimits Logs { get; set; } = new();
    public List<Resources.Kinds.AllocatedPort> Ports { get; } = [];
    public List<TaskMount> Mounts { get; } = [];
    public string? User { get; set; }
    public Resources.Kinds.TaskResources Resources { get; set; } = new();
}
