using System.Security.Cryptography;
using System.Text;

using Reconciler.Resources.Kinds;

namespace Reconciler.Scheduling.Reconcile;

/// <summary>
/// A digest of the parts of a task group whose change needs new allocations (<see cref="DestructiveFields"/>):
/// allocations whose digest differs from the group's are replaced, the others updated in place.
/// </summary>
public static class GroupDigest
{
    /// <summary>The digest of <paramref name="group"/>, 16 hex digits.</summary>
    public static string Of(TaskGroup group)
    {
        var bytes = Encoding.UTF8.GetBytes(DestructiveFields.Of(group).ToJsonString());
        return Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 8));
    }
}
