using System.Text.Json;
using System.Text.Json.Nodes;

using Reconciler.Resources.Json;
using Reconciler.Resources.Kinds;

namespace Reconciler.Scheduling.Reconcile;

/// <summary>
/// The rule of which job changes need new allocations (create/destroy) and which are applied in place, by the JSON
/// names of the spec's fields. A change under a destructive field of a task group — its tasks (driver, config, env,
/// resources, templates, mounts, services, kill timeout), network, volumes, restart policy — needs new allocations,
/// except the task fields that never reach a running task (meta). Everything else — count, update, reschedule,
/// placement rules, meta, the job-level fields — is applied in place. <see cref="GroupDigest"/> hashes exactly the
/// destructive part, and <c>job plan</c> annotates its diff with the same rule, so the two cannot disagree.
/// </summary>
public static class DestructiveFields
{
    /// <summary>The task group fields whose change needs new allocations.</summary>
    public static IReadOnlyList<string> Group { get; } = ["tasks", "network", "volumes", "restart"];

    /// <summary>The task fields applied in place although the tasks are destructive: nothing of them reaches a running task.</summary>
    public static IReadOnlyList<string> InPlaceTaskFields { get; } = ["meta"];

    /// <summary>True when a change of the field at <paramref name="groupField"/> (and, under tasks, <paramref name="taskField"/>) needs new allocations.</summary>
    public static bool IsDestructive(string groupField, string? taskField) =>
        Group.Contains(groupField) && !(groupField == "tasks" && taskField is not null && InPlaceTaskFields.Contains(taskField));

    /// <summary>The destructive part of <paramref name="group"/> as JSON: what <see cref="GroupDigest"/> hashes.</summary>
    public static JsonObject Of(TaskGroup group)
    {
        var tree = JsonSerializer.SerializeToNode(group, ResourceJson.Options)!.AsObject();
        var part = new JsonObject();
        foreach (var (name, value) in tree)
        {
            if (!Group.Contains(name)) continue;
            var copy = value?.DeepClone();
            if (name == "tasks" && copy is JsonArray tasks)
                foreach (var task in tasks.OfType<JsonObject>())
                    foreach (var field in InPlaceTaskFields) task.Remove(field);
            part[name] = copy;
        }
        return part;
    }
}
