using Reconciler.Resources.Agent;

namespace Reconciler.Resources.Tests.Agent;

public sealed class SyntaxErrorTests
{
    [Fact]
    public void A_key_without_a_value_is_a_syntax_error_at_the_line_and_column_where_the_value_should_be()
    {
        const string toml = """
            data_dir = "/d"
            region =
            """;

        var result = AgentConfigReader.Read(toml, "agent.toml");

        result.Config.Should().BeNull();
        var error = result.Errors.Should().ContainSingle().Subject;
        error.Should().BeEquivalentTo(new { Source = "agent.toml", Line = 2, Column = 9, Path = "" });
        error.Message.Should().Contain("value");
        error.Hint.Should().Contain("TOML syntax");
    }

    [Fact]
    public void Every_syntax_error_of_the_file_is_reported_in_file_order()
    {
        const string toml = """
            data_dir = "/d"
            [server
            enabled = true
            region = "unterminated
            """;

        var errors = AgentConfigReader.Read(toml, "agent.toml").Errors;

        errors.Should().HaveCountGreaterThanOrEqualTo(2);
        errors.Select(e => e.Line).Should().Contain([2, 4]).And.BeInAscendingOrder();
    }

    [Fact]
    public void A_key_written_twice_is_reported_at_the_second_one()
    {
        const string toml = """
            data_dir = "/d"
            data_dir = "/e"
            """;

        var error = AgentConfigReader.Read(toml, "agent.toml").Errors.Should().ContainSingle().Subject;

        error.Line.Should().Be(2);
        error.Column.Should().Be(1);
        error.Message.Should().Contain("already defined");
    }

    [Fact]
    public void An_empty_file_is_valid_toml_but_still_needs_a_role_and_a_data_dir()
    {
        var errors = AgentConfigReader.Read("", "agent.toml").Errors;

        errors.Select(e => e.Path).Should().BeEquivalentTo("server.enabled", "data_dir");
    }
}
