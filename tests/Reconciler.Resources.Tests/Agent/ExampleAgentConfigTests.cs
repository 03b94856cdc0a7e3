using Reconciler.Resources.Agent;

namespace Reconciler.Resources.Tests.Agent;

public sealed class ExampleAgentConfigTests
{
    public static TheoryData<string> ExampleFiles() => new(ExampleFileNames());

    private static IEnumerable<string> ExampleFileNames() =>
        Directory.GetFiles(RepositoryRoot.Combine("manifests", "agent"), "*.toml").Select(Path.GetFileName).Order()!;

    [Fact]
    public void The_examples_are_the_dev_server_client_and_gitops_configs()
    {
        ExampleFileNames().Should().BeEquivalentTo("dev.toml", "server.toml", "client.toml", "gitops.toml");
    }

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Every_example_agent_config_is_valid(string fileName)
    {
        var result = AgentConfigReader.ReadFile(RepositoryRoot.Combine("manifests", "agent", fileName));

        result.Errors.Select(e => e.ToString()).Should().BeEmpty();
        result.IsValid.Should().BeTrue();
    }

    [Fact]
    public void The_dev_example_is_the_dev_factory_written_out()
    {
        var result = AgentConfigReader.ReadFile(RepositoryRoot.Combine("manifests", "agent", "dev.toml"));

        result.Config.Should().BeEquivalentTo(AgentConfig.Dev("/tmp/recon-dev"));
    }

    [Fact]
    public void The_client_example_offers_the_mysql_host_volume_to_jobs()
    {
        var client = AgentConfigReader.ReadFile(RepositoryRoot.Combine("manifests", "agent", "client.toml")).Config!.Client;

        client.Enabled.Should().BeTrue();
        client.Servers.Should().Equal("127.0.0.1:4747");
        client.Meta.Should().Equal(new Dictionary<string, string> { ["rack"] = "r1" });
        client.HostVolumes.Should().ContainKey("mysql")
            .WhoseValue.Should().Be(new HostVolumeConfig { Path = "/tmp/recon/client-1/volumes/mysql", ReadOnly = false });
    }

    [Fact]
    public void The_server_example_turns_on_acl_tls_and_gitops()
    {
        var config = AgentConfigReader.ReadFile(RepositoryRoot.Combine("manifests", "agent", "server.toml")).Config!;

        config.Server.Should().Be(new ServerConfig { Enabled = true, BootstrapExpect = 1, HeartbeatGrace = TimeSpan.FromSeconds(10) });
        config.Acl.Enabled.Should().BeTrue();
        config.Tls.Should().BeEquivalentTo(new { Http = true, Rpc = true, CertFile = "/etc/recon/tls/server.pem", KeyFile = "/etc/recon/tls/server-key.pem" });
        config.GitOps.Should().Be(new GitOpsConfig
        {
            Enabled = true, Path = "/srv/recon/manifests", Interval = TimeSpan.FromSeconds(30), Prune = true, Namespace = "default",
        });
    }
}
