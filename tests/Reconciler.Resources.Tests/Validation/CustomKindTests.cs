using System.ComponentModel.DataAnnotations;
using Reconciler.Resources.Manifests;
using Reconciler.Resources.Model;
using Reconciler.Resources.Validation;

namespace Reconciler.Resources.Tests.Validation;

[Kind("Widget")]
public sealed record Widget : Resource<WidgetSpec, ResourceStatus>
{
    public Widget() => ApiVersion = "example.com/v1";
}

public sealed record WidgetSpec
{
    [Required]
    public string Color { get; init; } = "";

    [Range(1, 10)]
    public int Size { get; init; } = 1;

    public TimeSpan Every { get; init; } = TimeSpan.FromMinutes(1);

    [Sensitive]
    [Range(1000, 9999)]
    public int Pin { get; init; } = 1234;

    public IReadOnlyList<string> Parts { get; init; } = [];
}

public sealed class WidgetValidator : IResourceValidator<Widget>
{
    public void Validate(Widget resource, ValidationReport report)
    {
        if (resource.Spec.Color == "red" && resource.Spec.Size > 5)
            report.Add("spec.size", "red widgets cannot be larger than 5", "pick another color or a smaller size");
    }
}

public sealed class WidgetDefaults : IResourceDefaulter<Widget>
{
    public Widget ApplyDefaults(Widget resource) =>
        resource.Spec.Parts.Count > 0 ? resource : resource with { Spec = resource.Spec with { Parts = ["base"] } };
}

/// <summary>A host's own kind goes through the same strict reading, annotations, validators and defaulting as Job.</summary>
public sealed class CustomKindTests
{
    private static readonly ManifestReader Reader = CreateReader();

    private static ManifestReader CreateReader()
    {
        var kinds = ResourceKindRegistry.CreateDefault();
        kinds.Register<Widget>();
        var admission = ResourceAdmission.CreateDefault().AddValidator(new WidgetValidator()).AddDefaulter(new WidgetDefaults());
        return new ManifestReader(kinds, admission);
    }

    private static string WidgetYaml(string spec) => $"apiVersion: example.com/v1\nkind: Widget\nmetadata: {{ name: w }}\nspec:\n{spec}";

    [Fact]
    public void A_custom_kind_parses_and_gets_its_defaulter_applied()
    {
        var result = Reader.Read(WidgetYaml("  color: blue\n  size: 3\n  every: 90s\n"), "widget.yaml");

        result.Errors.Should().BeEmpty();
        var widget = result.Resources.Should().ContainSingle().Which.Should().BeOfType<Widget>().Subject;
        widget.Spec.Should().BeEquivalentTo(new { Color = "blue", Size = 3, Every = TimeSpan.FromSeconds(90), Parts = new[] { "base" } });
        widget.Metadata.Namespace.Should().Be("default");
    }

    [Fact]
    public void A_custom_kind_gets_the_same_strictness_as_built_in_kinds()
    {
        var result = Reader.Read(WidgetYaml("  colour: blue\n  size: big\n  every: soon\n"), "widget.yaml");

        result.Errors.Select(e => (e.Line, e.Column, e.Path, e.Hint)).Should().Equal(
            (5, 3, "spec.colour", "did you mean color?"),
            (6, 9, "spec.size", null),
            (7, 10, "spec.every", "write a number with a unit, e.g. 500ms, 30s, 10m, 1h30m (units: ns, us, ms, s, m, h)"));
    }

    [Fact]
    public void A_custom_validator_error_is_placed_at_the_field_it_names()
    {
        var error = Reader.Read(WidgetYaml("  color: red\n  size: 8\n"), "widget.yaml").Errors.Should().ContainSingle().Subject;

        error.Should().BeEquivalentTo(new
        {
            Line = 6, Column = 9, Path = "spec.size", Resource = "Widget/default/w",
            Message = "red widgets cannot be larger than 5", Hint = "pick another color or a smaller size",
        });
    }

    [Fact]
    public void Data_annotations_on_a_custom_kind_are_enforced_and_sensitive_values_are_not_quoted()
    {
        var errors = Reader.Read(WidgetYaml("  size: 11\n  pin: 31337\n"), "widget.yaml").Errors;

        errors.Select(e => (e.Path, e.Message)).Should().BeEquivalentTo(new[]
        {
            ("spec.color", "missing required field 'color'"),
            ("spec.size", "11 is out of range"),
            ("spec.pin", "the value is out of range"),
        });
        errors.Should().AllSatisfy(e => e.ToString().Should().NotContain("31337"));
    }

    [Fact]
    public void A_custom_kind_checks_its_own_api_version()
    {
        var error = Reader.Read("apiVersion: recon/v1\nkind: Widget\nmetadata: { name: w }\nspec: { color: blue }\n", "widget.yaml")
            .Errors.Should().ContainSingle().Subject;

        error.Hint.Should().Be("write apiVersion: example.com/v1");
    }

    [Fact]
    public void The_default_reader_does_not_know_a_kind_registered_elsewhere()
    {
        var error = ManifestReader.Default.Read(WidgetYaml("  color: blue\n"), "widget.yaml").Errors.Should().ContainSingle().Subject;

        error.Message.Should().Be("unknown kind 'Widget'");
    }
}
