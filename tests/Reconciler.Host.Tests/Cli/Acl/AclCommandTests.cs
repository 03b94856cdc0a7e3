using System.Text.RegularExpressions;
using Reconciler.Host.Tests.Fixtures;

namespace Reconciler.Host.Tests.Cli.Acl;

/// <summary>The ACL workflow through the real <c>recon</c> binary against a real agent process with ACLs on, logging at DEBUG.</summary>
public sealed partial class AclCommandTests : IDisposable
{
    private const string Rules = """
        namespaces:
          - name: default
            policy: read
        node: read
        """;

    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Bootstrap_policy_apply_token_create_and_use_and_no_secret_reaches_list_info_or_the_agent_log()
    {
        var config = _dir.Write("agent.toml", $"""
            name = "acl-agent"
            data_dir = "{Path.Combine(_dir.Path, "data")}"
            log_level = "DEBUG"

            [server]
            enabled = true

            [acl]
            enabled = true
            """);
        await using var agent = await AgentProcess.StartAsync(new Dictionary<string, string>(), "-config", config, "-http-port", "0");
        var anonymous = new Dictionary<string, string> { ["RECON_ADDR"] = agent.Address.ToString(), ["RECON_CONFIG_DIR"] = _dir.Path };

        var bootstrap = await ReconProcess.RunAsync(anonymous, "acl", "bootstrap");
        var again = await ReconProcess.RunAsync(anonymous, "acl", "bootstrap");
        var management = SecretOf(bootstrap);
        var asManagement = new Dictionary<string, string>(anonymous) { ["RECON_TOKEN"] = management };
        var apply = await ReconProcess.RunAsync(asManagement, "acl", "policy", "apply", "-description", "Read default", "readonly", _dir.Write("readonly.yaml", Rules));
        var created = await ReconProcess.RunAsync(asManagement, "acl", "token", "create", "-name", "ci", "-policy", "readonly");
        var secret = SecretOf(created);
        var accessor = AccessorOf(created);
        var asCi = new Dictionary<string, string>(anonymous) { ["RECON_TOKEN"] = secret };
        var list = await ReconProcess.RunAsync(asManagement, "acl", "token", "list");
        var info = await ReconProcess.RunAsync(asManagement, "acl", "token", "info", accessor, "-o", "json");
        var self = await ReconProcess.RunAsync(asCi, "acl", "token", "self");
        var policies = await ReconProcess.RunAsync(asManagement, "acl", "policy", "info", "readonly");
        var status = await ReconProcess.RunAsync(asCi, "job", "status");
        var refused = await ReconProcess.RunAsync(anonymous, "job", "status");
        var ciListsTokens = await ReconProcess.RunAsync(asCi, "acl", "token", "list");

        bootstrap.ExitCode.Should().Be(0, bootstrap.Error);
        again.ExitCode.Should().NotBe(0);
        again.Error.Should().Contain("ACL bootstrap already done");
        apply.ExitCode.Should().Be(0, apply.Error);
        apply.Output.Should().Contain("Successfully wrote \"readonly\" ACL policy!");
        created.Output.Should().MatchRegex(@"Policies +=  ?\[readonly\]");
        list.ExitCode.Should().Be(0, list.Error);
        list.Output.Should().Contain(accessor).And.Contain("ci").And.Contain("management");
        info.Output.Should().Contain($"\"accessorId\": \"{accessor}\"");
        self.Output.Should().Contain(accessor).And.Contain("= ci");
        policies.Output.Should().MatchRegex("Description +=  ?Read default").And.Contain("policy: read").And.Contain("node: read");
        status.ExitCode.Should().Be(0, status.Error);
        refused.ExitCode.Should().NotBe(0);
        refused.Error.Should().Contain("list-jobs on namespace default");
        ciListsTokens.Error.Should().Contain("needs a management token");
        foreach (var shown in new[] { list.Output, info.Output, self.Output, status.Output, refused.Error, ciListsTokens.Error, agent.Output })
            shown.Should().NotContain(secret).And.NotContain(management);
        agent.Output.Should().Contain("started", "the check above read the agent's log");
    }

    private static string SecretOf(CliRun run) => SecretLine().Match(run.Output) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException($"No Secret ID in:\n{run}");

    private static string AccessorOf(CliRun run) => AccessorLine().Match(run.Output) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException($"No Accessor ID in:\n{run}");

    [GeneratedRegex(@"^Secret ID\s+= (\S+)$", RegexOptions.Multiline)]
    private static partial Regex SecretLine();

    [GeneratedRegex(@"^Accessor ID\s+= (\S+)$", RegexOptions.Multiline)]
    private static partial Regex AccessorLine();

    public void Dispose() => _dir.Dispose();
}
