using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Reconciler.Host.Tests.Agent;

/// <summary>
/// <c>recon alloc logs [-f]</c>, <c>alloc exec</c> and <c>alloc restart</c> through the server's address for an allocation a client-only agent
/// runs in another process: the server forwards them to the client agent at the address the node advertises, with the
/// agents' token, and says clearly when that agent does not answer. One server and one client, as separate processes.
/// </summary>
public sealed partial class RemoteAllocationAccessTests
{
    private const string AgentToken = "agents-shared-token-for-forwarding";

    // A line a second, numbered; the marker last so the cluster finds (and kills) the task.
    private static string Talker(int marker) => $$"""
        apiVersion: recon/v1
        kind: Job
        metadata:
          name: talker
        spec:
          groups:
            - name: talk
              tasks:
                - name: say
                  driver: exec
                  config: { command: /usr/bin/busybox, args: ["sh", "-c", 'i=0; while true; do i=$((i+1)); echo "line $i"; sleep 1; done', "{{marker}}"] }
                  resources: { cpu: 20, memoryMB: 16 }
        """;

    [Fact]
    public async Task Logs_follow_exec_and_restart_of_a_remote_clients_allocation_work_through_the_server_and_a_killed_client_is_named_in_the_error()
    {
        await using var cluster = new LoopbackCluster(heartbeatGraceSeconds: 30, AgentToken);
        await cluster.StartServerAsync();
        await cluster.StartClientAsync("node-a");
        await cluster.ApplyAsync(Talker(cluster.Marker));
        var allocation = (await cluster.AwaitListAsync("/v1/job/talker/allocations", all => all.Any(a => a["status"]?["clientStatus"]?.GetValue<string>() == "running")))
            .Single()["metadata"]!["name"]!.GetValue<string>();
        var node = (await cluster.AwaitListAsync("/v1/nodes", nodes => nodes.Any(n => n["status"]?["httpAddress"] is not null))).Single();

        var logs = await cluster.CliAsync("alloc", "logs", allocation[..8]);
        var followed = await FollowAsync(cluster, allocation, LastLine(logs.Output) + 3);
        var exec = await cluster.CliAsync("alloc", "exec", allocation[..8], "echo", "hi");
        var exitCode = await cluster.CliAsync("alloc", "exec", allocation[..8], "--", "sh", "-c", "echo to-stderr >&2; exit 3");
        var restart = await cluster.CliAsync("alloc", "restart", allocation[..8]);
        var restarted = await cluster.AwaitListAsync("/v1/job/talker/allocations", all => all.Single()["status"]?["taskStates"]?["say"]?["events"]?.AsArray()
            .Any(e => e?["type"]?.GetValue<string>() == "Restart Signaled") == true);
        var address = cluster.ClientAddress("node-a").GetLeftPart(UriPartial.Authority);
        using var direct = new HttpClient { BaseAddress = cluster.ClientAddress("node-a") };
        using var withoutToken = await direct.GetAsync($"/v1/internal/client/allocation/{allocation}/logs?task=say");
        await cluster.KillClientAsync("node-a");
        var afterKill = await cluster.CliAsync("alloc", "exec", allocation[..8], "echo", "hi");

        node["status"]!["httpAddress"]!.GetValue<string>().Should().Be(address, "the client advertises where its agent listens");
        logs.ExitCode.Should().Be(0, logs.Error);
        logs.Output.Should().StartWith("line 1\n", "the server streams the remote task's stdout from its start");
        followed.StillRunning.Should().BeTrue("a followed log stays open for new lines");
        followed.Lines.Should().Contain($"line {LastLine(logs.Output) + 3}", "lines written after the plain read came through the follow");
        exec.ExitCode.Should().Be(0, exec.Error);
        exec.Output.Should().Be("hi\n");
        exitCode.ExitCode.Should().Be(3, $"the command's exit code crosses both WebSockets ({exitCode.Error})");
        exitCode.Error.Should().Contain("to-stderr");
        restart.ExitCode.Should().Be(0, restart.Error);
        restarted.Should().ContainSingle("the remote client restarted the task the server was asked to");
        withoutToken.StatusCode.Should().Be(HttpStatusCode.Forbidden, "with ACLs a client agent serves its allocations only to callers holding the agents' token");
        afterKill.ExitCode.Should().NotBe(0);
        afterKill.Error.Should().Contain($"allocation {allocation[..8]} runs on node node-a ({address}), which does not answer:")
            .And.Contain("check the client agent");
    }

    // Runs `alloc logs -f` until it printed `line {until}` (or two minutes passed), then stops it.
    private static async Task<(IReadOnlyList<string> Lines, bool StillRunning)> FollowAsync(LoopbackCluster cluster, string allocation, int until)
    {
        using var process = Process.Start(ReconProcess.StartInfo(cluster.CliEnvironment, "alloc", "logs", "-f", allocation))!;
        var lines = new List<string>();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                lines.Add(line);
                if (line == $"line {until}") break;
            }
            return (lines, !process.HasExited);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static int LastLine(string output) =>
        LineNumber().Matches(output).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();

    [GeneratedRegex(@"^line (\d+)$", RegexOptions.Multiline)]
    private static partial Regex LineNumber();
}
