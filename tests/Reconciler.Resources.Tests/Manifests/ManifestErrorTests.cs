using Reconciler.Resources.Diagnostics;
using Reconciler.Resources.Manifests;
using Reconciler.Resources.Validation;

namespace Reconciler.Resources.Tests.Manifests;

/// <summary>One invalid manifest per kind of mistake, each asserting where, what and the hint.</summary>
public sealed class ManifestErrorTests
{
    private static ManifestReadResult ReadInvalid(string name) =>
        ManifestReader.Default.ReadFile(Path.Combine(AppContext.BaseDirectory, "Manifests", "Invalid", name));

    private static SourceError SingleError(string name)
    {
        var result = ReadInvalid(name);
        result.IsValid.Should().BeFalse();
        result.Resources.Should().BeEmpty("nothing of an invalid document may be applied");
        return result.Errors.Should().ContainSingle(string.Join(Environment.NewLine, result.Errors)).Subject;
    }

    private static void ShouldBe(SourceError error, int line, int column, string path, string message, string? hint)
    {
        error.Should().BeEquivalentTo(new { Line = line, Column = column, Path = path, Message = message, Hint = hint });
        error.Source.Should().EndWith(Path.Combine("Invalid", Path.GetFileName(error.Source)));
    }

    [Fact]
    public void An_unknown_field_is_reported_at_its_key_with_the_closest_known_name()
    {
        var error = SingleError("unknown-field.yaml");

        ShouldBe(error, 7, 5, "spec.update.maxParalel", "unknown field 'maxParalel'", "did you mean maxParallel?");
        error.Resource.Should().Be("Job/default/web");
        error.ToString().Should().Be($"{error.Source}:7:5: Job/default/web: spec.update.maxParalel: unknown field 'maxParalel' (did you mean maxParallel?)");
    }

    [Fact]
    public void A_snake_case_field_from_nomad_hcl_suggests_its_camel_case_name()
    {
        ShouldBe(SingleError("snake-case-field.yaml"), 7, 5, "spec.update.max_parallel", "unknown field 'max_parallel'", "did you mean maxParallel?");
    }

    [Fact]
    public void A_word_where_an_integer_belongs_is_a_type_error()
    {
        ShouldBe(SingleError("wrong-type.yaml"), 8, 14, "spec.groups[0].count", "expected an integer, found 'three'", null);
    }

    [Fact]
    public void A_quoted_number_is_a_string_and_the_hint_says_to_drop_the_quotes()
    {
        ShouldBe(SingleError("quoted-number.yaml"), 8, 14, "spec.groups[0].count", "expected an integer, found the quoted string '3'", "remove the quotes");
    }

    [Fact]
    public void A_bad_duration_lists_the_accepted_forms()
    {
        ShouldBe(SingleError("bad-duration.yaml"), 7, 14, "spec.update.stagger", "'30 seconds' is not a duration",
            "write a number with a unit, e.g. 500ms, 30s, 10m, 1h30m (units: ns, us, ms, s, m, h)");
    }

    [Fact]
    public void A_bad_enum_value_lists_the_allowed_values_and_the_closest_one()
    {
        ShouldBe(SingleError("bad-enum.yaml"), 6, 9, "spec.type", "'servce' is not one of: service, batch, system, sysbatch", "did you mean service?");
    }

    [Fact]
    public void An_out_of_range_value_names_the_range()
    {
        ShouldBe(SingleError("out-of-range.yaml"), 6, 13, "spec.priority", "150 is out of range", "the allowed range is 1..100");
    }

    [Fact]
    public void A_missing_required_field_is_reported_at_the_object_that_lacks_it()
    {
        ShouldBe(SingleError("missing-required.yaml"), 9, 11, "spec.groups[0].tasks[0].driver", "missing required field 'driver'", null);
    }

    [Fact]
    public void A_duplicate_group_name_points_at_the_repeat_and_names_the_first()
    {
        ShouldBe(SingleError("duplicate-group.yaml"), 11, 13, "spec.groups[1].name", "duplicate group 'cache'",
            "it is already used at spec.groups[0].name; groups must be unique");
    }

    [Fact]
    public void A_duplicate_task_name_within_a_group_is_an_error()
    {
        ShouldBe(SingleError("duplicate-task.yaml"), 11, 17, "spec.groups[0].tasks[1].name", "duplicate task 'server'",
            "it is already used at spec.groups[0].tasks[0].name; tasks must be unique");
    }

    [Fact]
    public void A_duplicate_key_in_a_mapping_points_at_both_occurrences()
    {
        ShouldBe(SingleError("duplicate-key.yaml"), 9, 7, "spec.groups[0].count", "duplicate key 'count'",
            "it is already given at line 8, column 7; give each key once");
    }

    [Fact]
    public void A_volume_mount_of_an_undeclared_volume_names_the_declared_ones()
    {
        ShouldBe(SingleError("undeclared-volume.yaml"), 16, 23, "spec.groups[0].tasks[0].volumeMounts[0].volume",
            "volume 'dta' is not declared in the group's volumes", "did you mean data? (declared: data)");
    }

    [Fact]
    public void A_service_port_must_be_a_declared_network_port_label()
    {
        ShouldBe(SingleError("undeclared-port.yaml"), 16, 21, "spec.groups[0].tasks[0].services[0].port",
            "port label 'htp' is not declared in the group's network", "did you mean http? (declared: http)");
    }

    [Fact]
    public void A_docker_ports_entry_must_be_a_declared_network_port_label()
    {
        ShouldBe(SingleError("undeclared-docker-port.yaml"), 16, 27, "spec.groups[0].tasks[0].config.ports[1]",
            "port label 'admin' is not declared in the group's network", "declared ports: http");
    }

    [Fact]
    public void An_unknown_kind_lists_the_known_kinds()
    {
        ShouldBe(SingleError("unknown-kind.yaml"), 2, 7, "kind", "unknown kind 'Jbo'",
            "did you mean Job? (known kinds: AclPolicy, AclToken, Allocation, Deployment, Evaluation, Job, Namespace, Node, Secret, Volume)");
    }

    [Fact]
    public void A_wrong_api_version_says_which_one_the_kind_is_served_under()
    {
        var error = SingleError("wrong-api-version.yaml");

        ShouldBe(error, 1, 13, "apiVersion", "apiVersion 'v1' does not serve kind Namespace", "write apiVersion: recon/v1");
        error.Resource.Should().Be("Namespace/team-a");
    }

    [Fact]
    public void A_name_that_is_not_a_dns_label_explains_the_rule()
    {
        var error = SingleError("bad-name.yaml");

        ShouldBe(error, 4, 9, "metadata.name", "'Redis_Data' is not a valid Volume name", ResourceNames.Rule);
        error.Resource.Should().Be("Volume/default/Redis_Data");
    }

    [Fact]
    public void A_yaml_syntax_error_becomes_a_positioned_error_instead_of_an_exception()
    {
        var error = SingleError("syntax-error.yaml");

        error.Line.Should().Be(5);
        error.Column.Should().BeGreaterThan(1);
        error.Message.Should().StartWith("YAML syntax error: ").And.NotContain("(Line:");
        error.Hint.Should().Contain("indentation");
    }

    [Fact]
    public void Every_error_of_every_document_in_a_file_is_reported_in_file_order()
    {
        var result = ReadInvalid("several-errors.yaml");

        result.Resources.Should().ContainSingle().Which.Key.ToString().Should().Be("Namespace/team-a",
            "the valid document is still read, though nothing may be applied while others fail");
        result.Errors.Select(e => (e.Line, e.Column, e.Path, e.Resource)).Should().Equal(
            (7, 9, "spec.type", "Job/default/web"),
            (8, 13, "spec.priority", "Job/default/web"),
            (11, 14, "spec.groups[0].count", "Job/default/web"),
            (13, 16, "spec.groups[0].restart.delay", "Job/default/web"),
            (18, 23, "spec.groups[0].tasks[0].resources.memoryMB", "Job/default/web"),
            (30, 9, "spec.path", "Volume/default/data"),
            (31, 13, "spec.readOnly", "Volume/default/data"));
        result.Errors[2].Hint.Should().Be("the value must be at least 0");
        result.Errors[6].Message.Should().Be("expected true or false, found 'maybe'");
    }

    [Fact]
    public void A_file_that_does_not_exist_is_an_error_not_an_exception()
    {
        var result = ManifestReader.Default.ReadFile(Path.Combine(AppContext.BaseDirectory, "no-such-file.yaml"));

        result.Errors.Should().ContainSingle().Which.Message.Should().StartWith("cannot read the file:");
    }
}
