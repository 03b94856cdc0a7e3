using System.Net;
using Reconciler.Host.Tests.Fixtures;
using Reconciler.Hosting;

namespace Reconciler.Host.Tests.Api;

public sealed class CustomKindTests : AgentTest
{
    private const string WidgetYaml = """
        apiVersion: recon/v1
        kind: Widget
        metadata:
          name: gear
        spec:
          size: 3
        """;

    protected override void Extend(ReconcilerBuilder reconciler) => reconciler.AddResourceKind(new WidgetValidator());

    [Fact]
    public async Task A_custom_kind_gets_its_own_routes_with_admission()
    {
        var created = await Agent.PutYamlAsync("/v1/widgets/gear", WidgetYaml);
        var invalid = await Agent.PutYamlAsync("/v1/widgets/gear", WidgetYaml.Replace("size: 3", "size: 0"));
        var kinds = await Agent.Http.GetStringAsync("/v1/kinds");

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        invalid.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await invalid.ErrorAsync())["details"]!["errors"]![0]!["path"]!.GetValue<string>().Should().Be("spec.size");
        kinds.Should().Contain("\"plural\":\"widgets\"");
    }

    [Fact]
    public async Task The_cli_applies_and_gets_a_custom_kind_it_has_no_type_for()
    {
        var apply = await Agent.CliAsync("apply", "-f", Agent.Files.Write("gear.yaml", WidgetYaml));
        var get = await Agent.CliAsync("get", "widget", "gear", "-o", "yaml");

        apply.Output.Should().Be("widget/gear created\n");
        get.Output.Should().Contain("kind: Widget").And.Contain("size: 3");
    }
}
