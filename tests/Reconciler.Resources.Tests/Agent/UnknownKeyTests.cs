using Reconciler.Resources.Agent;

namespace Reconciler.Resources.Tests.Agent;

public sealed class UnknownKeyTests
{
    [Fact]
    public void A_misspelt_telemetry_key_is_reported_at_its_line_and_column_with_the_key_it_meant()
    {
        const string toml = """
            data_dir = "/opt/recon/data"
            [server]
            enabled = true

            [telemetry]
              colection_interval = "1s"
            """;

        var result = AgentConfigReader.Read(toml, "agent.toml");

        result.IsValid.Should().BeFalse();
        result.Config.Should().BeNull();
        var error = result.Errors.Should().ContainSingle().Subject;
        error.Should().BeEquivalentTo(new
        {
            Source = "agent.toml", Line = 6, Column = 3, Path = "telemetry.colection_interval",
            Message = "unknown key in [telemetry]", Hint = "did you mean collection_interval?",
        });
        error.ToString().Should().Be(
            "agent.toml:6:3: telemetry.colection_interval: unknown key in [telemetry] (did you mean collection_interval?)");
    }

    [Fact]
    public void A_misspelt_table_name_is_an_unknown_top_level_key()
    {
        const string toml = """
            data_dir = "/d"
            [server]
            enabled = true
            [telemtry]
            disable_hostname = true
            """;

        var error = AgentConfigReader.Read(toml, "agent.toml").Errors.Should().ContainSingle().Subject;

        error.Should().BeEquivalentTo(new { Line = 4, Column = 2, Path = "telemtry", Message = "unknown key", Hint = "did you mean telemetry?" });
    }

    [Fact]
    public void A_key_like_no_known_one_lists_the_keys_the_table_has()
    {
        const string toml = """
            data_dir = "/d"
            [server]
            enabled = true
            [ports]
            grpc_port = 9000
            """;

        var error = AgentConfigReader.Read(toml, "agent.toml").Errors.Should().ContainSingle().Subject;

        error.Path.Should().Be("ports.grpc_port");
        error.Hint.Should().Be("known keys here: http, rpc, serf");
    }

    [Fact]
    public void An_unknown_key_inside_a_host_volume_names_the_volume_in_its_path()
    {
        const string toml = """
            data_dir = "/d"
            [server]
            enabled = true
            [client]
            enabled = true
            [client.host_volume.mysql]
            path = "/opt/mysql/data"
            readonly = true
            """;

        var error = AgentConfigReader.Read(toml, "agent.toml").Errors.Should().ContainSingle().Subject;

        error.Should().BeEquivalentTo(new { Line = 8, Column = 1, Path = "client.host_volume.mysql.readonly", Hint = "did you mean read_only?" });
    }

    [Fact]
    public void A_camel_case_spelling_of_a_nomad_key_points_to_the_snake_case_one()
    {
        const string toml = """
            dataDir = "/d"
            [server]
            enabled = true
            """;

        var errors = AgentConfigReader.Read(toml, "agent.toml").Errors;

        errors.Should().Contain(e => e.Path == "dataDir" && e.Line == 1 && e.Column == 1 && e.Hint == "did you mean data_dir?");
    }
}
