using System.Net.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Reconciler.Host.Agent;
using Reconciler.Host.Agent.Remote;
using Reconciler.Host.Tests.Fixtures;
using Reconciler.Host.Tls;
using Reconciler.Resources.Agent;
using Reconciler.Resources.Json;
using Reconciler.Resources.Model;

namespace Reconciler.Host.Tests.Agent;

/// <summary>An agent's <c>[tls]</c>: the API over https only, unusable files refused at start, and Nomad's server name check.</summary>
public sealed class AgentTlsTests : IDisposable
{
    private readonly TestCertificates _certificates = new();

    [Fact]
    public async Task An_agent_with_tls_http_serves_https_and_refuses_plain_http()
    {
        await using var agent = await RunningAgent.StartAsync(tls: _certificates.AgentTls(), scheduler: false);
        using var plain = new HttpClient { BaseAddress = new UriBuilder(agent.Address) { Scheme = "http" }.Uri };

        using var overTls = await agent.Http.GetAsync("/v1/kinds");
        var overPlain = async () => await plain.GetAsync("/v1/kinds");

        agent.Address.Scheme.Should().Be("https");
        overTls.IsSuccessStatusCode.Should().BeTrue();
        await overPlain.Should().ThrowAsync<HttpRequestException>("the port speaks TLS only");
    }

    [Fact]
    public async Task A_key_that_is_not_the_certificates_fails_agent_startup_naming_tls_key_file_and_the_file()
    {
        var config = _certificates.Toml(verifyClients: false, verifyServerHostname: false).Replace(_certificates.AgentKey, _certificates.ClientKey, StringComparison.Ordinal);
        var file = Path.Combine(_certificates.Directory, "agent.toml");
        await File.WriteAllTextAsync(file, $"data_dir = \"{Path.Combine(_certificates.Directory, "data")}\"\n[server]\nenabled = true\n{config}");

        var run = await ReconProcess.RunAsync("agent", "-config", file, "-http-port", "0");

        run.ExitCode.Should().NotBe(0);
        run.Output.Should().NotContain("API:", "nothing is served");
        run.Error.Should().StartWith($"Error: tls.key_file: cannot use {_certificates.ClientKey}: it is not the unencrypted PEM private key of {_certificates.AgentCert}")
            .And.NotContain("   at ");
    }

    [Fact]
    public async Task A_client_agent_whose_ca_did_not_sign_the_servers_certificate_says_so_instead_of_a_handshake_failure()
    {
        await using var server = await RunningAgent.StartAsync(tls: _certificates.AgentTls(), scheduler: false);
        var options = new RemoteStoreOptions
        {
            NodeName = "node-1", RequestRetries = 1, FirstRetryDelay = TimeSpan.FromMilliseconds(10),
            Tls = new TlsClientSettings { Authority = CertificateAuthority.Read(_certificates.OtherCaFile, "tls.ca_file") },
        };
        await using var store = new HttpResourceStore(new RemoteServers([server.Address.ToString()]), options,
            server.Services.GetRequiredService<ResourceJson>(), TimeProvider.System, NullLogger<HttpResourceStore>.Instance);

        var get = async () => await store.GetAsync(new ResourceKey("Node", null, "node-1"));

        (await get.Should().ThrowAsync<ServersUnavailableException>()).Which.Message.Should()
            .Contain($"TLS handshake failed: its certificate (CN=agent) is not signed by the CA in {_certificates.OtherCaFile}; check tls.ca_file");
    }

    [Fact]
    public void An_unreadable_ca_file_is_named_before_anything_is_built()
    {
        var tls = _certificates.AgentTls() with { CaFile = Path.Combine(_certificates.Directory, "nope.pem") };

        var load = () => AgentTls.Load(tls, "global");

        load.Should().Throw<TlsFileException>().Which.Message.Should().StartWith($"tls.ca_file: cannot use {tls.CaFile}:");
    }

    [Fact]
    public void Verify_server_hostname_accepts_server_region_recon_or_the_addresss_host_and_refuses_other_names()
    {
        var tls = AgentTls.Load(_certificates.AgentTls() with { VerifyServerHostname = true }, "global");
        var check = new ServerCertificateCheck(tls.ToServers);
        using var agent = PemFiles.ReadCertificate(_certificates.AgentCert, _certificates.AgentKey, "cert", "key");
        using var cli = PemFiles.ReadCertificate(_certificates.ClientCert, _certificates.ClientKey, "cert", "key");
        using var stranger = PemFiles.ReadCertificate(_certificates.StrangerCert, _certificates.StrangerKey, "cert", "key");

        check.RefusalOf(agent, null, SslPolicyErrors.RemoteCertificateNameMismatch, "10.0.0.9").Should().BeNull("it names server.global.recon");
        check.RefusalOf(cli, null, SslPolicyErrors.None, "127.0.0.1").Should().BeNull("it names the address's host");
        check.RefusalOf(cli, null, SslPolicyErrors.RemoteCertificateNameMismatch, "10.0.0.9").Should().Be("its certificate is not issued for 10.0.0.9 nor server.global.recon");
        check.RefusalOf(stranger, null, SslPolicyErrors.None, "127.0.0.1").Should().Contain("is not signed by the CA in " + _certificates.CaFile);
        new ServerCertificateCheck(AgentTls.Load(_certificates.AgentTls(), "global").ToServers).RefusalOf(cli, null, SslPolicyErrors.RemoteCertificateNameMismatch, "10.0.0.9")
            .Should().BeNull("without verify_server_hostname only the CA is checked, as Nomad does");
    }

    public void Dispose() => _certificates.Dispose();
}
