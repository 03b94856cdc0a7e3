using System.Text.Json.Nodes;

namespace Reconciler.Host.Tests.Agent;

/// <summary>
/// A server and client-only agents as separate processes on loopback, the clients reaching the server's store over
/// HTTP: placement over several nodes, a crashed client's work replaced, and a client riding out a server restart.
/// </summary>
public sealed class MultiAgentTests
{
    private static string Sleepers(int count, int marker) => $$"""
        apiVersion: recon/v1
        kind: Job
        metadata:
          name: sleepers
        spec:
          groups:
            - name: nap
              count: {{count}}
              spreads: [{ attribute: "${node.unique.name}", weight: 100 }]
              tasks:
                - name: sleep
                  driver: exec
                  config: { command: /usr/bin/busybox, args: ["sleep", "{{marker}}"] }
                  resources: { cpu: 20, memoryMB: 16 }
        """;

    [Fact]
    public async Task Three_client_agents_share_a_job_and_the_work_of_a_killed_one_is_replaced_on_the_other_two()
    {
        await using var cluster = new LoopbackCluster(heartbeatGraceSeconds: 6);
        await cluster.StartServerAsync();
        foreach (var name in new[] { "node-a", "node-b", "node-c" }) await cluster.StartClientAsync(name);
        await cluster.AwaitListAsync("/v1/nodes", nodes => nodes.Count(n => State(n) == "ready") == 3);

        await cluster.ApplyAsync(Sleepers(6, cluster.Marker));
        var placed = await cluster.AwaitListAsync("/v1/job/sleepers/allocations", all => Running(all).Count == 6);
        var tasksBefore = cluster.TaskPids();
        await cluster.KillClientAsync("node-c");
        var down = await cluster.AwaitListAsync("/v1/nodes", nodes => nodes.Any(n => Name(n) == "node-c" && State(n) == "down"));
        var after = await cluster.AwaitListAsync("/v1/job/sleepers/allocations", all =>
            Running(all).Count == 6 && Running(all).All(a => Node(a) != "node-c")
            && all.Where(a => Node(a) == "node-c").All(a => ClientStatus(a) == "lost"));

        Running(placed).GroupBy(Node).Should().HaveCount(3, "the spread puts work on every node")
            .And.OnlyContain(g => g.Count() == 2);
        tasksBefore.Should().HaveCount(6, "each allocation's task is a real process");
        down.Single(n => Name(n) == "node-c")["status"]!["description"]!.GetValue<string>().Should().Contain("missed heartbeats");
        after.Where(a => Node(a) == "node-c").Should().HaveCount(2, "node-c's two allocations are kept as lost");
        Running(after).GroupBy(Node).Select(g => g.Key).Should().BeEquivalentTo("node-a", "node-b");
        Running(after).Select(a => a["metadata"]!["name"]!.GetValue<string>())
            .Should().NotIntersectWith(placed.Where(a => Node(a) == "node-c").Select(a => a["metadata"]!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_client_keeps_its_task_running_while_the_server_restarts_and_then_catches_up()
    {
        // The restarted server gives the node 2s + 20s to heartbeat again: room for a loaded machine, not a condition of the test.
        await using var cluster = new LoopbackCluster(heartbeatGraceSeconds: 20);
        await cluster.StartServerAsync();
        await cluster.StartClientAsync("node-a");
        await cluster.AwaitListAsync("/v1/nodes", nodes => nodes.Any(n => State(n) == "ready"));
        await cluster.ApplyAsync(Sleepers(1, cluster.Marker));
        var before = await cluster.AwaitListAsync("/v1/job/sleepers/allocations", all => Running(all).Count == 1);
        var pid = cluster.TaskPids().Should().ContainSingle().Subject;

        await cluster.KillServerAsync();
        var whileDown = cluster.TaskPids();
        await cluster.StartServerAsync();
        var restartedAt = DateTimeOffset.UtcNow;
        var node = await cluster.AwaitListAsync("/v1/nodes", nodes => nodes.Any(n => State(n) == "ready" && LastHeartbeat(n) > restartedAt));
        var survived = await cluster.AwaitListAsync("/v1/job/sleepers/allocations", all => all.Count == 1);
        var pidAfterRestart = cluster.TaskPids();
        using (var stop = await cluster.Http.DeleteAsync("/v1/job/sleepers")) stop.IsSuccessStatusCode.Should().BeTrue(await stop.Content.ReadAsStringAsync());
        var stopped = await cluster.AwaitListAsync("/v1/allocations?namespace=*", all => all.All(a => ClientStatus(a) == "complete"));

        whileDown.Should().Equal([pid], "the client keeps its task running while the server is away");
        node.Single()["status"]!["state"]!.GetValue<string>().Should().Be("ready", "the restarted server gave the node a fresh TTL and the client heartbeats again");
        survived.Single()["metadata"]!["name"]!.GetValue<string>().Should().Be(before.Single()["metadata"]!["name"]!.GetValue<string>());
        ClientStatus(survived.Single()).Should().Be("running");
        pidAfterRestart.Should().Equal([pid], "the same process still runs after the server came back");
        stopped.Should().NotBeEmpty();
        cluster.TaskPids().Should().BeEmpty("the client, caught up with the restarted server, stopped the task of the stopped job");
        var log = cluster.ClientOutput("node-a");
        var lines = log.Split('\n');
        lines.Count(l => l.Contains("Cannot reach server", StringComparison.Ordinal)).Should().Be(1, "an outage is one warning, not one per call:\n" + log);
        lines.Count(l => l.Contains("Heartbeat of node node-a failed", StringComparison.Ordinal)).Should().BeLessThanOrEqualTo(1, "failing heartbeats warn once per outage");
        log.Should().Contain("answers again").And.NotContain("   at ", "a failure is its message, not a stack trace");
    }

    private static List<JsonObject> Running(IReadOnlyList<JsonObject> allocations) =>
        [.. allocations.Where(a => a["spec"]?["desiredStatus"]?.GetValue<string>() == "run" && ClientStatus(a) == "running")];

    private static string? Node(JsonObject allocation) => allocation["spec"]?["node"]?.GetValue<string>();

    private static string? ClientStatus(JsonObject allocation) => allocation["status"]?["clientStatus"]?.GetValue<string>();

    private static string? Name(JsonObject node) => node["metadata"]?["name"]?.GetValue<string>();

    private static string? State(JsonObject node) => node["status"]?["state"]?.GetValue<string>();

    private static DateTimeOffset LastHeartbeat(JsonObject node) => node["status"]?["lastHeartbeat"]?.GetValue<DateTimeOffset>() ?? DateTimeOffset.MinValue;
}
