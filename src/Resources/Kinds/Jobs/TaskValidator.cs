using System.Globalization;
using System.Text.Json.Nodes;
using Reconciler.Resources.Diagnostics;
using Reconciler.Resources.Validation;

namespace Reconciler.Resources.Kinds;

/// <summary>Checks one task against its group: declared volumes and port labels, templates and checks.</summary>
internal static class TaskValidator
{
    public static void Validate(TaskGroup group, JobTask task, string path, ValidationReport report)
    {
        var labels = group.Network.Ports.Select(p => p.Label).ToList();
        for (var i = 0; i < task.VolumeMounts.Count; i++)
        {
            var volume = task.VolumeMounts[i].Volume;
            if (volume.Length > 0 && !group.Volumes.ContainsKey(volume))
                report.Add($"{path}.volumeMounts[{i}].volume", $"volume '{volume}' is not declared in the group's volumes",
                    Declared(volume, group.Volumes.Keys, "volume", "volumes"));
        }
        if (task.Driver == "docker" && task.Config["ports"] is JsonArray ports)
            ValidateDockerPorts(ports, labels, $"{path}.config.ports", report);
        for (var i = 0; i < task.Templates.Count; i++)
        {
            var template = task.Templates[i];
            if (template.ChangeMode == TemplateChangeMode.Signal && string.IsNullOrEmpty(template.ChangeSignal))
                report.Add($"{path}.templates[{i}].changeSignal", "changeMode signal needs a changeSignal", "e.g. changeSignal: SIGHUP");
        }
        for (var i = 0; i < task.Services.Count; i++)
            ValidateService(task.Services[i], labels, $"{path}.services[{i}]", report);
    }

    private static void ValidateDockerPorts(JsonArray ports, List<string> labels, string path, ValidationReport report)
    {
        for (var i = 0; i < ports.Count; i++)
        {
            var label = ports[i] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            if (label is null)
                report.Add(FieldPath.Index(path, i), "a docker ports entry must be the label of a group network port", "e.g. ports: [http]");
            else if (!labels.Contains(label))
                report.Add(FieldPath.Index(path, i), $"port label '{label}' is not declared in the group's network", Declared(label, labels, "port", "network.ports"));
        }
    }

    private static void ValidateService(TaskService service, List<string> labels, string path, ValidationReport report)
    {
        var port = service.Port;
        if (port is not null && !labels.Contains(port) && !int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            report.Add($"{path}.port", $"port label '{port}' is not declared in the group's network", Declared(port, labels, "port", "network.ports"));
        for (var i = 0; i < service.Checks.Count; i++)
            ValidateCheck(service.Checks[i], port is not null, $"{path}.checks[{i}]", report);
    }

    private static void ValidateCheck(ServiceCheck check, bool servicePort, string path, ValidationReport report)
    {
        if (check.Interval <= TimeSpan.Zero)
            report.Add($"{path}.interval", "a check needs a positive interval", "e.g. interval: 10s");
        if (check.Timeout <= TimeSpan.Zero)
            report.Add($"{path}.timeout", "a check needs a positive timeout", "e.g. timeout: 2s");
        switch (check.Type)
        {
            case CheckType.Http when string.IsNullOrEmpty(check.Path):
                report.Add($"{path}.path", "an http check needs a path", "e.g. path: /");
                break;
            case CheckType.Script when string.IsNullOrEmpty(check.Command):
                report.Add($"{path}.command", "a script check needs a command", "e.g. command: /bin/true");
                break;
        }
        if (check.Type is CheckType.Http or CheckType.Tcp && !servicePort)
            report.Add($"{path}.type", $"a {check.Type.ToString().ToLowerInvariant()} check probes the service's port, but the service has none", "set the service's port to a network port label");
    }

    private static string Declared(string name, IEnumerable<string> declared, string what, string where)
    {
        var known = declared.ToList();
        if (known.Count == 0) return $"the group declares no {what}s; add one under {where}";
        return SpellingSuggestion.Hint(name, known) is { } guess
            ? $"{guess} (declared: {string.Join(", ", known)})"
            : $"declared {what}s: {string.Join(", ", known)}";
    }
}
