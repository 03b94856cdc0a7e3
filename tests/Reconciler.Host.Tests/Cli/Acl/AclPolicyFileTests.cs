using Reconciler.Host.Tests.Fixtures;

namespace Reconciler.Host.Tests.Cli.Acl;

public sealed class AclPolicyFileTests : AgentTest
{
    protected override bool EnforcesAcls => true;

    protected override bool RunsScheduler => false;

    [Fact]
    public async Task A_bad_rules_file_is_refused_with_positions_in_that_file_and_nothing_is_written()
    {
        var management = (await Agent.CliAsync("acl", "bootstrap")).Output.Split('\n').Single(l => l.StartsWith("Secret ID", StringComparison.Ordinal)).Split("= ")[1].Trim();
        var file = Agent.Files.Write("bad.yaml", """
            namespaces:
              - name: default
                capabilities: [submit-jobs]
            node: admin
            """);

        var apply = await Agent.CliAsync("acl", "policy", "apply", "bad", file, "-token", management);
        var list = await Agent.CliAsync("acl", "policy", "list", "-o", "json", "-token", management);

        apply.ExitCode.Should().NotBe(0);
        apply.Error.Should().Contain($"{file}:3:20").And.Contain("unknown capability 'submit-jobs'").And.Contain("did you mean submit-job?");
        apply.Error.Should().Contain($"{file}:4:7").And.Contain("spec.node");
        apply.Error.Should().Contain("nothing was applied");
        list.Output.Trim().Should().Be("[]");
    }

    [Fact]
    public async Task Acl_commands_on_an_agent_without_acls_say_how_to_turn_them_on()
    {
        await using var open = await RunningAgent.StartAsync(scheduler: false);

        var bootstrap = await open.CliAsync("acl", "bootstrap");

        bootstrap.ExitCode.Should().NotBe(0);
        bootstrap.Error.Should().Contain("[acl] enabled = true");
    }
}
