using Reconciler.Host.Tests.Fixtures;

namespace Reconciler.Host.Tests.Agent;

/// <summary>
/// A server and a client-only agent as separate processes, every one with <c>[tls]</c> http, rpc,
/// verify_https_client and verify_server_hostname over a CA made in the test: the client joins over https with its
/// certificate, runs an allocation, and the server forwards exec to it over TLS.
/// </summary>
public sealed class TlsClusterTests
{
    private static string Sleeper(int marker) => $$"""
        apiVersion: recon/v1
        kind: Job
        metadata:
          name: sleeper
        spec:
          groups:
            - name: nap
              tasks:
                - name: sleep
                  driver: exec
                  config: { command: /usr/bin/busybox, args: ["sleep", "{{marker}}"] }
                  resources: { cpu: 20, memoryMB: 16 }
        """;

    [Fact]
    public async Task A_client_agent_joins_a_tls_server_runs_an_allocation_and_the_server_forwards_exec_to_it_over_tls()
    {
        using var certificates = new TestCertificates();
        await using var cluster = new LoopbackCluster(heartbeatGraceSeconds: 30, tls: certificates);
        await cluster.StartServerAsync();
        await cluster.StartClientAsync("node-a");
        await cluster.ApplyAsync(Sleeper(cluster.Marker));
        var allocation = (await cluster.AwaitListAsync("/v1/job/sleeper/allocations", all => all.Any(a => a["status"]?["clientStatus"]?.GetValue<string>() == "running")))
            .Single()["metadata"]!["name"]!.GetValue<string>();
        var node = (await cluster.AwaitListAsync("/v1/nodes", nodes => nodes.Any(n => n["status"]?["httpAddress"] is not null))).Single();

        var status = await cluster.CliAsync("job", "status", "sleeper");
        var exec = await cluster.CliAsync("alloc", "exec", allocation[..8], "echo", "hi");
        using var withoutCertificate = TestCertificates.Trusting(cluster.ClientAddress("node-a"), certificates.CaFile, certificates.StrangerCert, certificates.StrangerKey);
        var direct = async () => await withoutCertificate.GetAsync($"/v1/internal/client/allocation/{allocation}/logs?task=sleep");

        cluster.TaskPids().Should().ContainSingle("the client agent runs the task it learned of over https");
        node["status"]!["httpAddress"]!.GetValue<string>().Should().StartWith("https://127.0.0.1:", "a client serving TLS advertises https");
        status.ExitCode.Should().Be(0, status.Error);
        status.Output.Should().Contain("running");
        exec.ExitCode.Should().Be(0, exec.Error + cluster.Logs);
        exec.Output.Should().Be("hi\n", "the CLI reached the server over wss and the server the client over wss, each with its certificate");
        await direct.Should().ThrowAsync<HttpRequestException>("the client agent takes only certificates its CA signed");
    }
}
