using System.Globalization;
using Reconciler.Resources.Kinds;

namespace Reconciler.Host.Cli.Deployments;

/// <summary>
/// A deployment as people read it, as Nomad's <c>deployment status</c> shows it: its summary lines and a row per task
/// group (desired, placed, healthy, unhealthy, canaries, promoted, progress deadline). Printed plain, in a table, or live.
/// </summary>
public static class DeploymentView
{
    /// <summary>The headers of the per-group table.</summary>
    public static readonly IReadOnlyList<string> GroupHeaders =
        ["Task Group", "Promoted", "Desired", "Canaries", "Placed", "Healthy", "Unhealthy", "Progress Deadline"];

    /// <summary>The summary rows (name, <c>=</c>, value).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Summary(Deployment deployment) =>
    [
        ["ID", "=", deployment.Metadata.Name],
        ["Job ID", "=", deployment.Spec.Job],
        ["Job Version", "=", deployment.Spec.JobVersion.ToString(CultureInfo.InvariantCulture)],
        ["Status", "=", State(deployment)],
        ["Description", "=", deployment.Status.Description ?? ""],
    ];

    /// <summary>One row per task group, by name.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Groups(Deployment deployment) =>
        [.. deployment.Status.Groups.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (IReadOnlyList<string>)
        [
            g.Key,
            g.Value.DesiredCanaries > 0 ? (g.Value.Promoted ? "true" : "false") : "N/A",
            Text(g.Value.Desired),
            Text(g.Value.DesiredCanaries),
            Text(g.Value.Placed),
            Text(g.Value.Healthy),
            Text(g.Value.Unhealthy),
            Deadline(g.Value),
        ])];

    /// <summary>The deployment's state in Nomad's lower case, e.g. <c>running</c>.</summary>
    public static string State(Deployment deployment) => deployment.Status.State.ToString().ToLowerInvariant();

    /// <summary>Whether the deployment has ended (successful, failed or cancelled): nothing more will change.</summary>
    public static bool HasEnded(Deployment deployment) =>
        deployment.Status.State is DeploymentState.Successful or DeploymentState.Failed or DeploymentState.Cancelled;

    /// <summary>
    /// The plain progress lines for <paramref name="current"/> against what was last shown (<paramref name="previous"/>,
    /// null at first): its state and description when they changed, and a line per task group whose figures changed.
    /// The state comes last once the deployment has ended, so the output ends with how it ended.
    /// </summary>
    public static IReadOnlyList<string> ProgressLines(Deployment? previous, Deployment current)
    {
        var groups = current.Status.Groups.OrderBy(g => g.Key, StringComparer.Ordinal)
            .Where(g => previous?.Status.Groups.GetValueOrDefault(g.Key) is not { } shown || GroupLine(g.Key, shown) != GroupLine(g.Key, g.Value))
            .Select(g => $"{current.Metadata.Name}: {GroupLine(g.Key, g.Value)}");
        if (previous?.Status.State == current.Status.State && previous.Status.Description == current.Status.Description) return [.. groups];
        var state = $"{current.Metadata.Name}: {State(current)} - {current.Status.Description}";
        return HasEnded(current) ? [.. groups, state] : [state, .. groups];
    }

    // e.g. "group app: desired 10, placed 2, healthy 1, unhealthy 0, canaries 0, progress deadline 2026-11-25 10:00:00"
    private static string GroupLine(string name, DeploymentGroupState group) =>
        $"group {name}: desired {Text(group.Desired)}, placed {Text(group.Placed)}, healthy {Text(group.Healthy)}, unhealthy {Text(group.Unhealthy)}, "
        + $"canaries {Text(group.DesiredCanaries)}{(group.DesiredCanaries > 0 ? $" ({(group.Promoted ? "promoted" : "not promoted")})" : "")}"
        + (Deadline(group) is { Length: > 0 } deadline ? $", progress deadline {deadline}" : "");

    private static string Deadline(DeploymentGroupState group) =>
        group.RequireProgressBy?.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "";

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
