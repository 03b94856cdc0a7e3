using Reconciler.Resources.Agent;

namespace Reconciler.Resources.Tests.Agent;

public sealed class TelemetryBlockTests
{
    // The tutorial's HCL block, in TOML, exactly as the tutorial writes its keys and values.
    private const string TutorialBlock = """
        [telemetry]
        collection_interval = "1s"
        disable_hostname = true
        prometheus_metrics = true
        publish_allocation_metrics = true
        publish_node_metrics = true
        """;

    private const string Roles = """
        data_dir = "/opt/recon/data"
        [server]
        enabled = true
        """;

    [Fact]
    public void The_tutorial_telemetry_block_parses_to_exactly_its_values()
    {
        var result = AgentConfigReader.Read(Roles + "\n" + TutorialBlock, "agent.toml");

        result.Errors.Should().BeEmpty();
        result.Config!.Telemetry.Should().Be(new TelemetryConfig
        {
            CollectionInterval = TimeSpan.FromSeconds(1),
            DisableHostname = true,
            PrometheusMetrics = true,
            PublishAllocationMetrics = true,
            PublishNodeMetrics = true,
        });
    }

    [Fact]
    public void The_example_server_config_carries_the_tutorial_block_verbatim()
    {
        var serverToml = File.ReadAllText(RepositoryRoot.Combine("manifests", "agent", "server.toml")).ReplaceLineEndings("\n");

        serverToml.Should().Contain(TutorialBlock.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Telemetry_left_out_publishes_nothing_and_samples_every_second()
    {
        var result = AgentConfigReader.Read(Roles, "agent.toml");

        result.Config!.Telemetry.Should().Be(new TelemetryConfig());
        result.Config.Telemetry.CollectionInterval.Should().Be(TimeSpan.FromSeconds(1));
        result.Config.Telemetry.PrometheusMetrics.Should().BeFalse();
    }
}
