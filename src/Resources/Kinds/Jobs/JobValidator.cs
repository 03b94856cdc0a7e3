using Reconciler.Resources.Diagnostics;
using Reconciler.Resources.Validation;

namespace Reconciler.Resources.Kinds;

/// <summary>
/// The rules of a job that its shape alone cannot express: unique group and task names, ports and
/// volumes referred to before they are declared, update deadlines that contradict each other.
/// </summary>
public sealed class JobValidator : IResourceValidator<Job>
{
    /// <inheritdoc />
    public void Validate(Job resource, ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(report);
        var spec = resource.Spec;
        var jobUpdate = JobDefaults.Merge(spec.Update, JobDefaults.UpdateFor(spec.Type));
        if (spec.Update is not null) ValidateUpdate(jobUpdate, "spec.update", report);
        UniqueNames.Report(spec.Groups.Select(g => g.Name), i => $"spec.groups[{i}].name", "group", report);
        for (var i = 0; i < spec.Groups.Count; i++)
            ValidateGroup(resource.Spec, i, jobUpdate, report);
    }

    private static void ValidateGroup(JobSpec spec, int index, UpdateStrategy jobUpdate, ValidationReport report)
    {
        var group = spec.Groups[index];
        var path = $"spec.groups[{index}]";
        if (group.Update is not null) ValidateUpdate(JobDefaults.Merge(group.Update, jobUpdate), $"{path}.update", report);
        if (group.Reschedule is not null && spec.Type is JobType.System or JobType.Sysbatch)
            report.Add($"{path}.reschedule", $"reschedule does not apply to {spec.Type.ToString().ToLowerInvariant()} jobs, which run on every node", "remove the reschedule block");
        ValidateRestart(group.Restart, $"{path}.restart", report);
        if (group.Reschedule is not null) ValidateReschedule(JobDefaults.RescheduleOf(group.Reschedule, spec.Type), $"{path}.reschedule", report);
        ValidatePorts(group.Network, $"{path}.network", report);
        PlacementValidator.Validate(group, path, report);
        UniqueNames.Report(group.Tasks.Select(t => t.Name), i => $"{path}.tasks[{i}].name", "task", report);
        for (var t = 0; t < group.Tasks.Count; t++)
            TaskValidator.Validate(group, group.Tasks[t], $"{path}.tasks[{t}]", report);
    }

    private static void ValidateUpdate(UpdateStrategy update, string path, ValidationReport report)
    {
        if (update.MinHealthyTime >= update.HealthyDeadline)
            report.Add($"{path}.minHealthyTime", $"minHealthyTime ({Duration(update.MinHealthyTime)}) must be shorter than healthyDeadline ({Duration(update.HealthyDeadline)})",
                "an allocation could never stay healthy long enough before its deadline");
        if (update.ProgressDeadline > TimeSpan.Zero && update.HealthyDeadline >= update.ProgressDeadline)
            report.Add($"{path}.progressDeadline", $"progressDeadline ({Duration(update.ProgressDeadline)}) must be longer than healthyDeadline ({Duration(update.HealthyDeadline)})",
                "or set progressDeadline: 0 to disable it");
    }

    private static void ValidateRestart(RestartPolicy? restart, string path, ValidationReport report)
    {
        if (restart is not { Attempts: { } attempts, Interval: { } interval, Delay: { } delay }) return;
        if (interval < delay * attempts)
            report.Add($"{path}.interval", $"{attempts} restarts with a delay of {Duration(delay)} do not fit in an interval of {Duration(interval)}",
                $"make the interval at least {Duration(delay * attempts)}, or lower attempts or delay");
    }

    private static void ValidateReschedule(ReschedulePolicy? policy, string path, ValidationReport report)
    {
        if (policy is null) return;
        if (policy.DelayFunction is not DelayFunction.Constant && policy.MaxDelay < policy.Delay)
            report.Add($"{path}.maxDelay", $"maxDelay ({Duration(policy.MaxDelay)}) must be at least delay ({Duration(policy.Delay)}) for the {policy.DelayFunction.ToString()!.ToLowerInvariant()} delay function",
                $"raise maxDelay to {Duration(policy.Delay)} or more, or use delayFunction: constant");
        if (policy is { Unlimited: false, Attempts: > 0 } && policy.Interval <= TimeSpan.Zero)
            report.Add($"{path}.interval", $"{policy.Attempts} reschedule attempts need an interval to be counted in",
                "set an interval such as 1h, or unlimited: true");
    }

    private static void ValidatePorts(NetworkSpec network, string path, ValidationReport report)
    {
        UniqueNames.Report(network.Ports.Select(p => p.Label), i => $"{path}.ports[{i}].label", "port label", report);
        var statics = network.Ports.Select(p => p.Static?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "");
        UniqueNames.Report(statics, i => $"{path}.ports[{i}].static", "static port", report);
    }

    private static string Duration(TimeSpan? value) => Model.Duration.Format(value ?? TimeSpan.Zero);
}
