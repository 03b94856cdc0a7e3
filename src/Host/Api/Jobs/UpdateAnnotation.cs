using System.Text.RegularExpressions;

using Reconciler.Host.Api.Contracts;
using Reconciler.Scheduling.Reconcile;

namespace Reconciler.Host.Api.Jobs;

/// <summary>
/// Says of each change of a job plan's diff whether it forces new allocations or is applied in place, by the
/// scheduler's own rule (<see cref="DestructiveFields"/>), read from the change's path
/// (<c>spec.groups[web].tasks[redis].env.LOG</c>: group field <c>tasks</c>, task field <c>env</c>).
/// </summary>
public static partial class UpdateAnnotation
{
    /// <summary>The change needs new allocations.</summary>
    public const string Destructive = "forces create/destroy update";

    /// <summary>The change is applied to the running allocations.</summary>
    public const string InPlace = "in-place update";

    /// <summary>The annotation of a change at <paramref name="path"/>.</summary>
    public static string For(string path)
    {
        var match = GroupFieldPath().Match(path);
        if (!match.Success) return InPlace;
        var task = match.Groups["task"] is { Success: true } t ? t.Value : null;
        return DestructiveFields.IsDestructive(match.Groups["group"].Value, task) ? Destructive : InPlace;
    }

    /// <summary><paramref name="changes"/>, each with its annotation.</summary>
    public static IReadOnlyList<FieldChange> Annotate(IEnumerable<FieldChange> changes) => [.. changes.Select(c => c with { Update = For(c.Path) })];

    [GeneratedRegex(@"^spec\.groups\[[^\]]*\]\.(?<group>\w+)(\[[^\]]*\]\.(?<task>\w+))?")]
    private static partial Regex GroupFieldPath();
}
