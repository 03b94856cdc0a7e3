using Reconciler.Host.Api.Contracts;
using Reconciler.Resources.Model;

namespace Reconciler.Host.Cli.Resources;

/// <summary>Prints what an apply or delete did, a line per object as kubectl does: <c>job/web created</c>.</summary>
public static class ChangePrinter
{
    /// <summary>Writes one line per object; dry runs say so.</summary>
    public static void Print(TextWriter output, ApplyResponse response)
    {
        foreach (var change in response.Objects)
            output.WriteLine($"{Short(change.Key)} {change.Action}{(response.DryRun ? " (dry run)" : "")}");
    }

    /// <summary><c>Job/default/web</c> as <c>job/web</c> (namespace shown only outside <c>default</c>).</summary>
    public static string Short(string key)
    {
        var parsed = ResourceKey.Parse(key);
        var kind = parsed.Kind.ToLowerInvariant();
        return parsed.Namespace is null or ObjectMeta.DefaultNamespace ? $"{kind}/{parsed.Name}" : $"{kind}/{parsed.Name} -n {parsed.Namespace}";
    }
}
