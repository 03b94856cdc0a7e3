using Reconciler.Resources.Agent;

namespace Reconciler.Resources.Tests.Agent;

public sealed class ReadFileTests
{
    [Fact]
    public void A_file_that_does_not_exist_is_an_error_naming_the_file_not_an_exception()
    {
        var path = Path.Combine(Path.GetTempPath(), $"recon-missing-{Guid.NewGuid():N}.toml");

        var result = AgentConfigReader.ReadFile(path);

        result.IsValid.Should().BeFalse();
        var error = result.Errors.Should().ContainSingle().Subject;
        error.Source.Should().Be(path);
        error.Message.Should().StartWith("cannot read the agent config");
    }

    [Fact]
    public void Errors_from_a_file_carry_its_path_as_the_source()
    {
        var path = Path.Combine(Path.GetTempPath(), $"recon-agent-{Guid.NewGuid():N}.toml");
        File.WriteAllText(path, "data_dir = \"/d\"\n[server]\nenabled = true\nbootstrap_expected = 1\n");
        try
        {
            var error = AgentConfigReader.ReadFile(path).Errors.Should().ContainSingle().Subject;

            error.ToString().Should().Be($"{path}:4:1: server.bootstrap_expected: unknown key in [server] (did you mean bootstrap_expect?)");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
