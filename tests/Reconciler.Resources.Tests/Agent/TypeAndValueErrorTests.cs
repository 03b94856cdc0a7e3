using Reconciler.Resources.Agent;
using Reconciler.Resources.Diagnostics;

namespace Reconciler.Resources.Tests.Agent;

public sealed class TypeAndValueErrorTests
{
    // Two lines at the top level, so each test's own lines start at line 3.
    private const string Roles = """
        data_dir = "/opt/recon/data"
        server.enabled = true

        """;

    private static SourceError SingleError(string toml)
    {
        var result = AgentConfigReader.Read(Roles + toml, "agent.toml");
        result.Config.Should().BeNull();
        return result.Errors.Should().ContainSingle().Subject;
    }

    [Fact]
    public void A_quoted_boolean_is_a_type_error_that_says_to_drop_the_quotes()
    {
        var error = SingleError("""
            [telemetry]
            prometheus_metrics = "true"
            """);

        error.Should().BeEquivalentTo(new
        {
            Line = 4, Column = 1, Path = "telemetry.prometheus_metrics",
            Message = "expected a boolean (true or false), found the string \"true\"", Hint = "write true without quotes",
        });
    }

    [Fact]
    public void A_duration_written_as_a_bare_number_is_a_type_error_that_shows_the_quoted_form()
    {
        var error = SingleError("""
            [telemetry]
            collection_interval = 1
            """);

        error.Path.Should().Be("telemetry.collection_interval");
        error.Message.Should().Be("expected a duration string such as \"30s\", found the integer 1");
        error.Hint.Should().Be("durations are quoted and carry a unit, e.g. \"1s\"");
    }

    [Theory]
    [InlineData("\"1 second\"")]
    [InlineData("\"10x\"")]
    [InlineData("\"s\"")]
    public void A_string_that_is_not_a_duration_is_a_value_error_listing_the_accepted_forms(string value)
    {
        var error = SingleError($"""
            [gitops]
            interval = {value}
            """);

        error.Should().BeEquivalentTo(new
        {
            Line = 4, Column = 1, Path = "gitops.interval",
            Message = $"{value} is not a duration", Hint = "write a number with a unit: 500ms, 30s, 10m, 1h30m",
        });
    }

    [Fact]
    public void A_negative_duration_is_rejected()
    {
        var error = SingleError("""
            [acl]
            token_ttl = "-30s"
            """);

        error.Path.Should().Be("acl.token_ttl");
        error.Message.Should().Be("\"-30s\" is negative");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65536)]
    [InlineData(-1)]
    public void A_port_outside_1_to_65535_is_out_of_range(int port)
    {
        var error = SingleError($"""
            [ports]
            rpc = {port}
            """);

        error.Should().BeEquivalentTo(new
        {
            Line = 4, Column = 1, Path = "ports.rpc", Message = $"{port} is out of range", Hint = "use a number from 1 to 65535",
        });
    }

    [Fact]
    public void A_quoted_port_is_a_type_error_that_says_to_drop_the_quotes()
    {
        var error = SingleError("""
            [ports]
            http = "4747"
            """);

        error.Message.Should().Be("expected an integer, found the string \"4747\"");
        error.Hint.Should().Be("write 4747 without quotes");
    }

    [Fact]
    public void A_non_string_in_the_servers_array_is_reported_with_its_index()
    {
        var error = SingleError("""
            [client]
            enabled = true
            servers = ["10.0.0.10:4647", 4647]
            """);

        error.Should().BeEquivalentTo(new
        {
            Line = 5, Column = 1, Path = "client.servers[1]", Message = "expected a string, found the integer 4647",
        });
    }

    [Fact]
    public void A_single_server_written_without_brackets_shows_the_array_form()
    {
        var error = SingleError("""
            [client]
            enabled = true
            servers = "10.0.0.10"
            """);

        error.Path.Should().Be("client.servers");
        error.Hint.Should().Be("write [\"10.0.0.10\"]");
    }

    [Fact]
    public void A_section_written_as_a_value_is_a_type_error()
    {
        var error = SingleError("""
            tls = true
            """);

        error.Should().BeEquivalentTo(new { Line = 3, Column = 1, Path = "tls", Message = "expected a table, found the boolean true" });
    }

    [Fact]
    public void A_meta_value_must_be_a_string()
    {
        var error = SingleError("""
            [client]
            enabled = true
            meta = { rack = 3 }
            """);

        error.Path.Should().Be("client.meta.rack");
        error.Message.Should().Be("expected a string, found the integer 3");
    }

    [Fact]
    public void An_unknown_log_level_names_the_levels_there_are()
    {
        var error = SingleError("""
            log_level = "VERBOSE"
            """);

        error.Message.Should().Be("\"VERBOSE\" is not one of TRACE, DEBUG, INFO, WARN, ERROR, OFF");
    }

    [Fact]
    public void A_log_level_in_any_case_is_accepted_and_upper_cased()
    {
        var result = AgentConfigReader.Read(Roles + "log_level = \"warn\"", "agent.toml");

        result.Config!.LogLevel.Should().Be("WARN");
    }
}
