using System.Text.Json;

using Reconciler.Drivers;
using Reconciler.Resources.Json;

namespace Reconciler.Client.Runner;

/// <summary>
/// The task handles this client persisted, one JSON file per task under <c>client/handles/ALLOC/TASK.json</c>,
/// written to a temporary file and renamed so a crash never leaves half a handle.
/// </summary>
internal sealed class TaskHandleFiles(ClientOptions options)
{
    public void Save(TaskHandle handle)
    {
        var directory = Path.Combine(options.HandleDirectory, handle.Task.AllocationId);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, handle.Task.TaskName + ".json");
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, handle, ResourceJson.Options);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }

    public IReadOnlyList<TaskHandle> Load(string allocationId)
    {
        var directory = Path.Combine(options.HandleDirectory, allocationId);
        if (!Directory.Exists(directory)) return [];
        var handles = new List<TaskHandle>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.json"))
        {
            try
            {
                if (JsonSerializer.Deserialize<TaskHandle>(File.ReadAllText(path), ResourceJson.Options) is { } handle) handles.Add(handle);
            }
            catch (JsonException)
            {
                File.Delete(path); // unreadable: the task cannot be proven the same, so it is not adopted
            }
        }
        return handles;
    }

    public IReadOnlyList<string> Allocations() =>
        Directory.Exists(options.HandleDirectory) ? [.. Directory.EnumerateDirectories(options.HandleDirectory).Select(Path.GetFileName)!] : [];

    public void Delete(string allocationId, string taskName)
    {
        var path = Path.Combine(options.HandleDirectory, allocationId, taskName + ".json");
        if (File.Exists(path)) File.Delete(path);
    }

    public void DeleteAllocation(string allocationId)
    {
        var directory = Path.Combine(options.HandleDirectory, allocationId);
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
    }
}
