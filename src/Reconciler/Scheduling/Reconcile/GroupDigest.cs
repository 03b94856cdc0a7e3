using System.Security.Cryptography;
using System.Text.Json;

using Reconciler.Resources.Json;
using Reconciler.Resources.Kinds;

namespace Reconciler.Scheduling.Reconcile;

/// <summary>
/// A digest of the parts of a task group whose change needs new allocations: tasks, network, volumes, meta and
/// restart policy. Count, update, reschedule and placement rules change without a restart.
/// </summary>
public static class GroupDigest
{
    /// <summary>The digest of <paramref name="group"/>, 16 hex digits.</summary>
    public static string Of(TaskGroup group)
    {
        var shape = new { group.Tasks, group.Network, group.Volumes, group.Meta, group.Restart };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(shape, ResourceJson.Options);
        return Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 8));
    }
}
