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
            g.Value.RequireProgressBy?.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "",
        ])];

    /// <summary>The deployment's state in Nomad's lower case, e.g. <c>running</c>.</summary>
    public static string State(Deployment deployment) => deployment.Status.State.ToString().ToLowerInvariant();

    /// <summary>Whether the deployment has ended (successful, failed or cancelled): nothing more will change.</summary>
    public static bool HasEnded(Deployment deployment) =>
        deployment.Status.State is DeploymentState.Successful or DeploymentState.Failed or DeploymentState.Cancelled;

    /// <summary>One line of progress for plain monitoring, e.g. <c>web-2: running - ... (app: 1 placed, 0 healthy of 2)</c>.</summary>
    public static string ProgressLine(Deployment deployment) =>
        $"{deployment.Metadata.Name}: {State(deployment)} - {deployment.Status.Description} ("
        + string.Join("; ", deployment.Status.Groups.OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key}: {g.Value.Placed} placed, {g.Value.Healthy} healthy, {g.Value.Unhealthy} unhealthy of {g.Value.Desired}"))
        + ")";

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
