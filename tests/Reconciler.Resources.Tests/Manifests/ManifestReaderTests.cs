using System.Text.Json.Nodes;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Manifests;

namespace Reconciler.Resources.Tests.Manifests;

public sealed class ManifestReaderTests
{
    private static ManifestReadResult Read(string yaml) => ManifestReader.Default.Read(yaml, "test.yaml");

    /// <summary>A job with one group "g" holding one exec task "t", plus the given lines in the group and in the task.</summary>
    private static string JobYaml(string groupLines = "", string taskLines = "") => $"""
        apiVersion: recon/v1
        kind: Job
        metadata: {"{ name: j }"}
        spec:
          groups:
            - name: g
        {Indent(groupLines, 6)}
              tasks:
                - name: t
                  driver: exec
        {Indent(taskLines, 10)}
        """;

    private static string Indent(string lines, int width)
    {
        var split = lines.Split('\n').Where(l => l.Trim().Length > 0).ToList();
        var common = split.Count == 0 ? 0 : split.Min(l => l.Length - l.TrimStart().Length);
        return string.Join("\n", split.Select(l => new string(' ', width) + l[common..]));
    }

    private static Job ReadValidJob(string taskLines)
    {
        var result = Read(JobYaml(taskLines: taskLines));
        result.Errors.Should().BeEmpty(string.Join(Environment.NewLine, result.Errors));
        return (Job)result.Resources.Single();
    }

    [Fact]
    public void Several_documents_come_back_in_file_order_with_empty_documents_skipped()
    {
        var result = Read("""
            # leading comment only
            ---
            apiVersion: recon/v1
            kind: Namespace
            metadata: { name: team-a }
            ---
            ---
            apiVersion: recon/v1
            kind: Volume
            metadata: { name: data, namespace: team-a }
            spec: { path: /srv/data }
            """);

        result.IsValid.Should().BeTrue(string.Join(Environment.NewLine, result.Errors));
        result.Resources.Select(r => r.Key.ToString()).Should().Equal("Namespace/team-a", "Volume/team-a/data");
        result.Resources[0].Metadata.Namespace.Should().BeNull("a Namespace is cluster-scoped and gets no default namespace");
    }

    [Fact]
    public void Free_form_config_types_plain_scalars_and_keeps_quoted_ones_as_strings()
    {
        var job = ReadValidJob("""
                      config:
                        flag: true
                        count: 5
                        ratio: 1.5
                        nothing: null
                        quoted: "true"
                        version: '1.10'
                        tagged: !!str 42
                        nested: { list: [1, "two", { three: 3 }] }
            """);
        var config = job.Spec.Groups[0].Tasks[0].Config;

        config.ToJsonString().Should().Be(
            """{"flag":true,"count":5,"ratio":1.5,"nothing":null,"quoted":"true","version":"1.10","tagged":"42","nested":{"list":[1,"two",{"three":3}]}}""");
    }

    [Fact]
    public void A_string_field_accepts_any_scalar()
    {
        var task = ReadValidJob("""
                      env: { PORT: 8080, DEBUG: true, RATIO: 0.5 }
            """).Spec.Groups[0].Tasks[0];

        task.Env.Should().Equal(new Dictionary<string, string> { ["PORT"] = "8080", ["DEBUG"] = "true", ["RATIO"] = "0.5" });
    }

    [Fact]
    public void Anchors_and_aliases_are_resolved()
    {
        var result = Read("""
            apiVersion: recon/v1
            kind: Job
            metadata: { name: j }
            spec:
              groups:
                - name: a
                  tasks: [&task { name: t, driver: exec, resources: { cpu: 250 } }]
                - name: b
                  tasks: [*task]
            """);

        result.Errors.Should().BeEmpty();
        ((Job)result.Resources.Single()).Spec.Groups.Select(g => g.Tasks[0].Resources.Cpu).Should().Equal(250, 250);
    }

    [Fact]
    public void A_document_that_is_not_a_mapping_is_an_error()
    {
        var error = Read("- just\n- a list\n").Errors.Should().ContainSingle().Subject;

        error.Should().BeEquivalentTo(new { Line = 1, Column = 1, Message = "a manifest document must be a mapping, found a list" });
    }

    [Fact]
    public void Missing_kind_and_api_version_are_each_reported_with_what_to_write()
    {
        Read("metadata: { name: x }\n").Errors.Should().ContainSingle()
            .Which.Hint.Should().StartWith("known kinds: AclPolicy, AclToken, Allocation, Deployment");
        Read("kind: Namespace\nmetadata: { name: x }\n").Errors.Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { Path = "apiVersion", Message = "missing required field 'apiVersion'", Hint = "write apiVersion: recon/v1" });
    }

    [Fact]
    public void A_cluster_scoped_kind_with_a_namespace_is_told_to_drop_it()
    {
        var error = Read("apiVersion: recon/v1\nkind: Namespace\nmetadata: { name: a, namespace: b }\n").Errors.Should().ContainSingle().Subject;

        error.Should().BeEquivalentTo(new { Line = 3, Column = 33, Path = "metadata.namespace", Hint = "remove metadata.namespace" });
    }

    [Fact]
    public void A_list_where_a_mapping_belongs_names_the_fields_the_mapping_takes()
    {
        var error = Read("apiVersion: recon/v1\nkind: Volume\nmetadata: { name: v }\nspec: [path]\n").Errors.Should().ContainSingle().Subject;

        error.Message.Should().Be("expected a mapping, found a list");
        error.Hint.Should().Be("known fields: type, path, readOnly, nodeClasses");
    }

    [Fact]
    public void A_scalar_where_a_list_belongs_shows_how_to_write_a_list()
    {
        var error = Read("apiVersion: recon/v1\nkind: Job\nmetadata: { name: j }\nspec:\n  datacenters: dc1\n  groups: [{ name: g, tasks: [{ name: t, driver: exec }] }]\n")
            .Errors.Should().ContainSingle().Subject;

        error.Should().BeEquivalentTo(new { Line = 5, Column = 16, Path = "spec.datacenters", Message = "expected a list, found a plain scalar" });
    }

    [Theory]
    [InlineData("constraints: [{ attribute: x, operator: regexp, value: '(' }]", "spec.groups[0].constraints[0].value", "'(' is not a valid regular expression")]
    [InlineData("constraints: [{ attribute: x, operator: '>=' }]", "spec.groups[0].constraints[0].value", "missing required field 'value' for operator >=")]
    [InlineData("constraints: [{ operator: distinct_hosts }, { operator: is_set }]", "spec.groups[0].constraints[1].attribute", "missing required field 'attribute'")]
    [InlineData("affinities: [{ attribute: x, value: y, weight: 0 }]", "spec.groups[0].affinities[0].weight", "an affinity weight of 0 has no effect")]
    [InlineData("affinities: [{ attribute: x, value: y, weight: -101 }]", "spec.groups[0].affinities[0].weight", "-101 is out of range")]
    [InlineData("spreads: [{ attribute: x, targets: [{ value: a, percent: 70 }, { value: b, percent: 40 }] }]", "spec.groups[0].spreads[0].targets", "the target percentages add up to 110")]
    [InlineData("update: { minHealthyTime: 5m }", "spec.groups[0].update.minHealthyTime", "minHealthyTime (5m) must be shorter than healthyDeadline (5m)")]
    [InlineData("restart: { attempts: 10, delay: 1m, interval: 5m }", "spec.groups[0].restart.interval", "10 restarts with a delay of 1m do not fit in an interval of 5m")]
    [InlineData("restart: { delay: -5s }", "spec.groups[0].restart.delay", "-5s is negative")]
    [InlineData("network: { ports: [{ label: http }, { label: http }] }", "spec.groups[0].network.ports[1].label", "duplicate port label 'http'")]
    [InlineData("network: { ports: [{ label: web-ui }] }", "spec.groups[0].network.ports[0].label", "'web-ui' must contain only letters, digits and '_' because it becomes part of the variable RECON_PORT_<label>")]
    [InlineData("count: -1", "spec.groups[0].count", "-1 is out of range")]
    public void Group_rules_beyond_shape_are_reported_at_the_offending_field(string groupLine, string path, string message)
    {
        var result = Read(JobYaml(groupLines: groupLine));

        result.Errors.Should().ContainSingle(string.Join(Environment.NewLine, result.Errors))
            .Which.Should().BeEquivalentTo(new { Path = path, Message = message });
    }

    [Theory]
    [InlineData("templates: [{ destination: a, data: b, changeMode: signal }]", "templates[0].changeSignal", "changeMode signal needs a changeSignal")]
    [InlineData("services: [{ name: s, port: '8080', checks: [{ type: http, interval: 10s, timeout: 1s }] }]", "services[0].checks[0].path", "an http check needs a path")]
    [InlineData("services: [{ name: s, checks: [{ type: script, interval: 10s, timeout: 1s }] }]", "services[0].checks[0].command", "a script check needs a command")]
    [InlineData("services: [{ name: s, checks: [{ type: tcp, interval: 10s, timeout: 1s }] }]", "services[0].checks[0].type", "a tcp check probes the service's port, but the service has none")]
    [InlineData("services: [{ name: s, port: '80', checks: [{ type: tcp, timeout: 1s }] }]", "services[0].checks[0].interval", "a check needs a positive interval")]
    [InlineData("services: [{ name: s, port: '80', checks: [{ type: http, path: /, interval: 1s, timeout: 1s, expectedStatus: 700 }] }]", "services[0].checks[0].expectedStatus", "700 is out of range")]
    [InlineData("resources: { memoryMB: 0 }", "resources.memoryMB", "0 is out of range")]
    [InlineData("killTimeout: 5", "killTimeout", "'5' is not a duration")]
    public void Task_rules_beyond_shape_are_reported_at_the_offending_field(string taskLine, string path, string message)
    {
        var result = Read(JobYaml(taskLines: taskLine));

        result.Errors.Should().ContainSingle(string.Join(Environment.NewLine, result.Errors))
            .Which.Should().BeEquivalentTo(new { Path = $"spec.groups[0].tasks[0].{path}", Message = message });
    }

    [Fact]
    public void Reschedule_on_a_system_job_is_refused()
    {
        var result = Read("""
            apiVersion: recon/v1
            kind: Job
            metadata: { name: j }
            spec:
              type: system
              groups:
                - name: g
                  reschedule: { attempts: 1 }
                  tasks: [{ name: t, driver: exec }]
            """);

        result.Errors.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Line = 8, Column = 19, Path = "spec.groups[0].reschedule",
            Message = "reschedule does not apply to system jobs, which run on every node",
        });
    }
}
