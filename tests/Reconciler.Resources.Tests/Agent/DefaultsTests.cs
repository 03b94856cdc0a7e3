using Reconciler.Resources.Agent;

namespace Reconciler.Resources.Tests.Agent;

public sealed class DefaultsTests
{
    private static AgentConfig Minimal() => AgentConfigReader.Read("""
        data_dir = "/opt/recon/data"
        [server]
        enabled = true
        """, "agent.toml").Config!;

    [Fact]
    public void The_agent_defaults_to_nomads_region_and_datacenter_on_loopback()
    {
        var config = Minimal();

        config.Should().BeEquivalentTo(new
        {
            Name = (string?)null, BindAddr = "127.0.0.1", Region = "global", Datacenter = "dc1", LogLevel = "INFO",
        });
    }

    [Fact]
    public void The_http_api_defaults_to_port_4747_and_rpc_and_serf_keep_nomads_ports()
    {
        Minimal().Ports.Should().Be(new AgentPorts { Http = 4747, Rpc = 4647, Serf = 4648 });
    }

    [Fact]
    public void An_enabled_server_defaults_to_a_single_server_cluster_with_nomads_heartbeat_and_gc_timings()
    {
        Minimal().Server.Should().BeEquivalentTo(new
        {
            Enabled = true, BootstrapExpect = 1, HeartbeatGrace = TimeSpan.FromSeconds(10), MinHeartbeatTtl = TimeSpan.FromSeconds(10),
            NumSchedulers = (int?)null, JobGcThreshold = TimeSpan.FromHours(4), NodeGcThreshold = TimeSpan.FromHours(24),
        });
    }

    [Fact]
    public void Sections_left_out_are_off_with_their_defaults()
    {
        var config = Minimal();

        config.Client.Should().BeEquivalentTo(new ClientConfig());
        config.Client.Enabled.Should().BeFalse();
        config.Client.NodePool.Should().Be("default");
        config.Acl.Should().Be(new AclConfig { Enabled = false, TokenTtl = TimeSpan.FromSeconds(30), PolicyTtl = TimeSpan.FromSeconds(30) });
        config.Tls.Should().Be(new TlsConfig());
        config.GitOps.Should().Be(new GitOpsConfig
        {
            Enabled = false, Path = null, Interval = TimeSpan.FromSeconds(30), Prune = false, Namespace = "default",
        });
    }

    [Fact]
    public void The_dev_factory_runs_server_and_client_in_the_directory_the_caller_chose()
    {
        var dev = AgentConfig.Dev("/tmp/recon-123");

        dev.DataDir.Should().Be("/tmp/recon-123");
        dev.Server.Enabled.Should().BeTrue();
        dev.Server.BootstrapExpect.Should().Be(1);
        dev.Client.Enabled.Should().BeTrue();
        dev.BindAddr.Should().Be("127.0.0.1");
        dev.Ports.Http.Should().Be(4747);
        dev.LogLevel.Should().Be("DEBUG");
    }
}
