using Reconciler.Host.Api.Contracts;

namespace Reconciler.Host.Cli.Jobs;

/// <summary>Prints a <see cref="JobPlanResponse"/> as Nomad's <c>job plan</c> does: the diff, the scheduler's dry run, and the command to run next.</summary>
public static class PlanPrinter
{
    /// <summary>Writes the plan of <paramref name="file"/>.</summary>
    public static void Print(TextWriter output, JobPlanResponse plan, string name, string file)
    {
        output.WriteLine($"{(plan.Exists ? plan.Diff.Count > 0 ? "+/-" : "" : "+")} Job: \"{name}\"".TrimStart());
        foreach (var change in plan.Diff) output.WriteLine(Line(change));
        foreach (var group in plan.Groups)
        {
            var actions = Actions(group);
            var sign = group.Place > 0 && !plan.Exists ? "+" : actions.Any(a => !a.EndsWith("ignore", StringComparison.Ordinal)) ? "+/-" : " ";
            output.WriteLine($"{sign} Task Group: \"{group.Name}\"{(actions.Count == 0 ? "" : $" ({string.Join(", ", actions)})")}".TrimStart());
        }
        output.WriteLine();
        output.WriteLine("Scheduler dry-run:");
        if (plan.Failures.Count == 0) output.WriteLine("- All tasks successfully allocated.");
        foreach (var (group, reason) in plan.Failures)
            output.WriteLine($"- WARNING: Failed to place all allocations.\n  Task Group \"{group}\": {reason}");
        output.WriteLine();
        output.WriteLine($"Job Modify Index: {plan.JobModifyIndex}");
        output.WriteLine("To submit the job with version verification run:");
        output.WriteLine();
        output.WriteLine($"recon job run -check-index {plan.JobModifyIndex} {file}");
        output.WriteLine();
        output.WriteLine("When running the job with the check-index flag, the job will only be run if the job modify index given");
        output.WriteLine("matches the server-side version. If the index has changed, another user has modified the job and the");
        output.WriteLine("plan's results are potentially invalid.");
    }

    /// <summary>
    /// One field change as the plan prints it, with what it does to running allocations when known, e.g.
    /// <c>~ spec.groups[app].count: 1 => 3 (in-place update)</c>.
    /// </summary>
    public static string Line(FieldChange change) => $"{Sign(change.Type)} {change.Path}: {Values(change)}{(change.Update is { } update ? $" ({update})" : "")}";

    private static string Sign(string type) => type switch
    {
        "Added" => "+",
        "Deleted" => "-",
        _ => "~",
    };

    private static string Values(FieldChange change) => change.Type switch
    {
        "Added" => change.New!,
        "Deleted" => change.Old!,
        _ => $"{change.Old} => {change.New}",
    };

    private static List<string> Actions(GroupPlan group)
    {
        var actions = new List<string>();
        if (group.Place > 0) actions.Add($"{group.Place} create");
        if (group.Stop > 0) actions.Add($"{group.Stop} destroy");
        if (group.InPlaceUpdate > 0) actions.Add($"{group.InPlaceUpdate} in-place update");
        if (group.DestructiveUpdate > 0) actions.Add($"{group.DestructiveUpdate} create/destroy update");
        if (group.Migrate > 0) actions.Add($"{group.Migrate} migrate");
        if (group.Ignore > 0) actions.Add($"{group.Ignore} ignore");
        return actions;
    }
}
