using System.Net;
using Reconciler.Host.Tests.Fixtures;

namespace Reconciler.Host.Tests.Api;

public sealed class CustomKindTests : IAsyncLifetime
{
    private const string WidgetYaml = """
        apiVersion: recon/v1
        kind: Widget
        metadata:
          name: gear
        spec:
          size: 3
        """;

    private RunningAgent _agent = null!;

    public async Task InitializeAsync() => _agent = await RunningAgent.StartAsync(r => r.AddResourceKind(new WidgetValidator()));

    public async Task DisposeAsync() => await _agent.DisposeAsync();

    [Fact]
    public async Task A_custom_kind_gets_its_own_routes_with_admission()
    {
        var created = await _agent.PutYamlAsync("/v1/widgets/gear", WidgetYaml);
        var invalid = await _agent.PutYamlAsync("/v1/widgets/gear", WidgetYaml.Replace("size: 3", "size: 0"));
        var kinds = await _agent.Http.GetStringAsync("/v1/kinds");

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        invalid.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await invalid.ErrorAsync())["details"]!["errors"]![0]!["path"]!.GetValue<string>().Should().Be("spec.size");
        kinds.Should().Contain("\"plural\":\"widgets\"");
    }

    [Fact]
    public async Task The_cli_applies_and_gets_a_custom_kind_it_has_no_type_for()
    {
        var apply = await _agent.CliAsync("apply", "-f", _agent.Files.Write("gear.yaml", WidgetYaml));
        var get = await _agent.CliAsync("get", "widget", "gear", "-o", "yaml");

        apply.Output.Should().Be("widget/gear created\n");
        get.Output.Should().Contain("kind: Widget").And.Contain("size: 3");
    }
}
