using Reconciler.Host.Tests.Fixtures;

namespace Reconciler.Host.Tests.Cli.Remote;

/// <summary>
/// The CLI against an in-process agent serving https with certificates made in the test: the CA from the flag, the
/// environment or the context; a one-line error saying what to pass when the agent is not trusted or wants a client
/// certificate; and <c>alloc exec</c> over wss with the same files.
/// </summary>
public sealed class CliTlsTests : IDisposable
{
    private readonly TestCertificates _certificates = new();

    [Fact]
    public async Task Job_run_and_status_work_over_https_with_the_ca_cert_flag_and_without_it_fail_with_one_line_saying_what_to_pass()
    {
        await using var agent = await RunningAgent.StartAsync(tls: _certificates.AgentTls());
        await SimulatedNodes.RegisterAsync(agent.Http, "node-1");
        var file = agent.Files.Write("web.yaml", Manifests.Job("web"));

        var run = await agent.CliAsync("job", "run", "-detach", "--ca-cert", _certificates.CaFile, file);
        var status = await agent.CliAsync("job", "status", "web", "-ca-cert", _certificates.CaFile);
        var untrusted = await agent.CliAsync("job", "status", "web");
        var skipped = await agent.CliAsync("job", "status", "web", "-tls-skip-verify");
        var plain = await agent.CliAsync("job", "status", "web", "-address", new UriBuilder(agent.Address) { Scheme = "http" }.Uri.ToString());

        agent.Address.Scheme.Should().Be("https");
        run.ExitCode.Should().Be(0, run.Error);
        status.ExitCode.Should().Be(0, status.Error);
        status.Output.Should().Contain("web");
        untrusted.ExitCode.Should().Be(1);
        untrusted.Error.TrimEnd('\n').Should().NotContain("\n", "the error is one line").And.NotContain("   at ")
            .And.Contain($"the agent at {agent.Address.ToString().TrimEnd('/')} is not trusted")
            .And.Contain("not signed by a CA this machine trusts")
            .And.Contain("pass --ca-cert FILE or set RECON_CACERT");
        skipped.ExitCode.Should().Be(0, skipped.Error);
        plain.Error.Should().Contain("did not answer plain HTTP — if it serves TLS, use https:// in the address");
    }

    [Fact]
    public async Task The_ca_cert_comes_from_RECON_CACERT_or_from_the_current_context_and_a_missing_file_is_named()
    {
        await using var agent = await RunningAgent.StartAsync(tls: _certificates.AgentTls(), scheduler: false);
        var address = agent.Address.ToString();
        agent.Environment.Remove("RECON_ADDR");

        var set = await agent.CliAsync("context", "set", "secure", "--address", address, "--ca-cert", _certificates.CaFile);
        var fromContext = await agent.CliAsync("namespace", "list");
        var listed = await agent.CliAsync("context", "list");
        agent.Environment["RECON_CACERT"] = Path.Combine(_certificates.Directory, "missing.pem");
        var missing = await agent.CliAsync("namespace", "list");
        agent.Environment["RECON_CACERT"] = _certificates.CaFile;
        var fromEnvironment = await agent.CliAsync("namespace", "list", "-address", address);

        set.ExitCode.Should().Be(0, set.Error);
        fromContext.ExitCode.Should().Be(0, fromContext.Error);
        fromContext.Output.Should().Contain("default");
        listed.Output.Should().Contain("CA CERT").And.Contain(_certificates.CaFile);
        missing.ExitCode.Should().Be(1);
        missing.Error.Should().StartWith($"Error: --ca-cert: cannot use {Path.Combine(_certificates.Directory, "missing.pem")}:", "the environment beats the context");
        fromEnvironment.ExitCode.Should().Be(0, fromEnvironment.Error);
    }

    [Fact]
    public async Task An_agent_verifying_clients_refuses_a_cli_without_a_certificate_or_with_one_of_another_ca_and_accepts_one_its_ca_signed()
    {
        await using var agent = await RunningAgent.StartAsync(tls: _certificates.AgentTls(verifyClients: true), scheduler: false);
        agent.Environment["RECON_CACERT"] = _certificates.CaFile;

        var without = await agent.CliAsync("namespace", "list");
        var stranger = await agent.CliAsync("namespace", "list", "--client-cert", _certificates.StrangerCert, "--client-key", _certificates.StrangerKey);
        var signed = await agent.CliAsync("namespace", "list", "--client-cert", _certificates.ClientCert, "--client-key", _certificates.ClientKey);
        var halfPair = await agent.CliAsync("namespace", "list", "--client-cert", _certificates.ClientCert);

        without.ExitCode.Should().Be(1);
        without.Error.TrimEnd('\n').Should().NotContain("\n").And.NotContain("   at ")
            .And.Contain("if it verifies clients (verify_https_client), pass --client-cert and --client-key");
        stranger.ExitCode.Should().Be(1);
        stranger.Error.Should().Contain("pass --client-cert and --client-key");
        signed.ExitCode.Should().Be(0, signed.Error);
        signed.Output.Should().Contain("default");
        halfPair.Error.Should().Contain("--client-cert and --client-key go together");
    }

    [Fact]
    public async Task Alloc_exec_runs_over_wss_with_the_same_certificates()
    {
        await using var agent = await RunningAgent.StartAsync(tls: _certificates.AgentTls(verifyClients: true), client: true);
        agent.Environment["RECON_CACERT"] = _certificates.CaFile;
        agent.Environment["RECON_CLIENT_CERT"] = _certificates.ClientCert;
        agent.Environment["RECON_CLIENT_KEY"] = _certificates.ClientKey;
        await SimulatedNodes.AwaitReadyNodeAsync(agent.Http);
        var run = await agent.CliAsync("job", "run", agent.Files.Write("idle.yaml", Idle));
        run.ExitCode.Should().Be(0, run.Output + run.Error);

        var exec = await agent.CliAsync("alloc", "exec", "idle", "--", "/bin/sh", "-c", "echo over-wss; exit 4");

        exec.Output.Should().Be("over-wss\n");
        exec.ExitCode.Should().Be(4, exec.Error);
    }

    public void Dispose() => _certificates.Dispose();

    private const string Idle = """
        apiVersion: recon/v1
        kind: Job
        metadata:
          name: idle
        spec:
          groups:
            - name: idle
              tasks:
                - name: wait
                  driver: exec
                  config: { command: /bin/sh, args: ["-c", "exec tail -f /dev/null"] }
                  resources: { cpu: 20, memoryMB: 16 }
        """;
}
