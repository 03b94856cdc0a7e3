using System.Security.Cryptography;
using System.Text.Json;

using Reconciler.Resources.Json;
using Reconciler.Resources.Kinds;

namespace Reconciler.Jobs;

/// <summary>A digest of a job spec with every group count left out: equal shapes at different generations mean a scaling.</summary>
public static class JobShape
{
    /// <summary>The shape of <paramref name="spec"/>, 16 hex digits.</summary>
    public static string Of(JobSpec spec)
    {
        var countless = spec with { Groups = [.. spec.Groups.Select(g => g with { Count = 0 })] };
        return Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(countless, ResourceJson.Options)).AsSpan(0, 8));
    }
}
