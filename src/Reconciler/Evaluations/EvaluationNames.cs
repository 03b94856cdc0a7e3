using System.Globalization;
using Reconciler.Resources.Validation;

namespace Reconciler.Evaluations;

/// <summary>
/// The names of evaluations derived from what caused them — the one place each is spelled, since the API names the
/// evaluation a controller creates (<c>web-v2</c>) — each within the 63-character name rule (<see cref="ResourceNames.Derive"/>).
/// </summary>
public static class EvaluationNames
{
    /// <summary>The evaluation of a job's version, created by the job controller: <c>web-v2</c>.</summary>
    public static string ForVersion(string job, long version) => ResourceNames.Derive(job, "v" + Text(version));

    /// <summary>The evaluation that stops a purged job's allocations, once per job object (<paramref name="uid"/>).</summary>
    public static string Deregister(string job, string uid) => ResourceNames.Derive(job, "deregister-" + uid[..Math.Min(8, uid.Length)]);

    /// <summary>A unique evaluation of <paramref name="job"/>.</summary>
    public static string Unique(string job) => ResourceNames.Derive(job, Guid.NewGuid().ToString("N")[..12]);

    /// <summary>The blocked follow-up of <paramref name="evaluation"/>.</summary>
    public static string Blocked(string evaluation) => ResourceNames.Derive(evaluation, "blocked");

    /// <summary>The follow-up that places a failed allocation's replacement when its reschedule delay is over.</summary>
    public static string Reschedule(string job, DateTimeOffset due) => ResourceNames.Derive(job, "reschedule-" + Text(due.ToUnixTimeMilliseconds()));

    /// <summary>The evaluation of a deployment's next step, named by its progress.</summary>
    public static string DeploymentStep(string deployment, int healthy, int promoted) =>
        ResourceNames.Derive(deployment, $"h{Text(healthy)}-p{Text(promoted)}");

    /// <summary>The evaluation that continues a resumed deployment.</summary>
    public static string Resumed(string deployment, long revision) => ResourceNames.Derive(deployment, "resumed-" + Text(revision));

    /// <summary>The evaluation a client asks for when an allocation failed.</summary>
    public static string AllocationFailed(string allocation) => ResourceNames.Derive(allocation, "failed");

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
