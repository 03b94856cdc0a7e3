using Microsoft.Extensions.Logging.Abstractions;
using Reconciler.Host.Agent;
using Reconciler.Host.Agent.Remote;
using Reconciler.Host.Api.Internal;
using Reconciler.Host.Tests.Fixtures;
using Reconciler.Resources.Agent;
using Reconciler.Resources.Json;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;
using Reconciler.Store;

namespace Reconciler.Host.Tests.Agent;

/// <summary>
/// The servers' node-facing store API through a client-only agent's <see cref="HttpResourceStore"/>, against a real
/// agent on a socket: each node sees what its allocations need (secret values included) and nothing else.
/// </summary>
public sealed class NodeStoreApiTests : AgentTest
{
    private const string Web = """
        apiVersion: recon/v1
        kind: Job
        metadata: { name: web }
        spec:
          groups:
            - name: app
              constraints: [{ attribute: "${node.unique.name}", operator: "=", value: n1 }]
              tasks:
                - name: main
                  driver: mock
                  config: { runFor: 1h }
                  templates:
                    - destination: local/app.env
                      data: 'DB_PASSWORD={{ secret "db" "password" }}'
        """;

    private HttpResourceStore StoreOf(string node, Uri? address = null, string? token = null) =>
        new(new RemoteServers([(address ?? Agent.Address).Authority]), new RemoteStoreOptions { NodeName = node, Token = token, RequestRetries = 1 },
            ResourceJson.Default, TimeProvider.System, NullLogger<HttpResourceStore>.Instance);

    private async Task PlaceWebOnN1Async()
    {
        await SimulatedNodes.RegisterAsync(Agent.Http, "n1");
        await SimulatedNodes.RegisterAsync(Agent.Http, "n2");
        (await Agent.ApplyYamlAsync(Manifests.Documents(Manifests.Secret("db"), Web))).EnsureSuccessStatusCode();
        await SimulatedNodes.AwaitAllocationsAsync(Agent.Http, "web", all => all.Count == 1);
    }

    [Fact]
    public async Task A_node_reads_the_secret_values_its_allocations_need_and_another_node_sees_none_of_it()
    {
        await PlaceWebOnN1Async();
        await using var n1 = StoreOf("n1");
        await using var n2 = StoreOf("n2");
        var secret = new ResourceKey("Secret", "default", "db");

        var n1Secret = (Secret?)await n1.GetAsync(secret);
        var n2Secret = await n2.GetAsync(secret);
        var n1Allocations = await n1.ListAsync(new ListQuery("Allocation"));
        var n2Allocations = await n2.ListAsync(new ListQuery("Allocation"));
        var n2Jobs = await n2.ListAsync(new ListQuery("Job"));
        var n2Nodes = await n2.ListAsync(new ListQuery("Node"));
        var publicView = await Agent.Http.GetStringAsync("/v1/secrets/db");

        n1Secret!.Spec.Data["password"].Should().Be(Manifests.SecretValue, "the client renders templates with the real value");
        n2Secret.Should().BeNull("n2 runs nothing that needs it");
        n1Allocations.Items.Should().ContainSingle().Which.Should().BeOfType<Allocation>().Which.Spec.Node.Should().Be("n1");
        n2Allocations.Items.Should().BeEmpty();
        n2Jobs.Items.Should().BeEmpty();
        n2Nodes.Items.Select(n => n.Metadata.Name).Should().Equal("n2");
        publicView.Should().NotContain(Manifests.SecretValue, "the public API still redacts");
    }

    [Fact]
    public async Task A_node_may_not_write_another_nodes_objects_nor_delete_anything()
    {
        await PlaceWebOnN1Async();
        await using var n1 = StoreOf("n1");
        await using var n2 = StoreOf("n2");
        var n1Node = (await n1.GetAsync(new ResourceKey("Node", null, "n1")))!;

        var put = async () => await n2.PutAsync(n1Node, n1Node.Metadata.ResourceVersion);
        var delete = async () => await n2.DeleteAsync(new ResourceKey("Node", null, "n2"));

        (await put.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*node n2 may not write Node/n1*");
        (await delete.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*clients delete nothing*");
    }

    [Fact]
    public async Task A_stale_write_is_a_conflict_and_a_watch_from_beyond_the_servers_revision_asks_for_a_relist()
    {
        await SimulatedNodes.RegisterAsync(Agent.Http, "n1");
        await using var n1 = StoreOf("n1");
        var node = (await n1.GetAsync(new ResourceKey("Node", null, "n1")))!;

        var stale = async () => await n1.PutAsync(node, node.Metadata.ResourceVersion - 1);
        var ahead = async () =>
        {
            await foreach (var _ in n1.WatchAsync(new WatchQuery(), n1.Revision + 1000)) { }
        };

        // The node controller may write the node's status meanwhile, so the revision named is the read one or a later one.
        (await stale.Should().ThrowAsync<ConflictException>()).Which.ActualRevision.Should().BeGreaterThanOrEqualTo(node.Metadata.ResourceVersion);
        await ahead.Should().ThrowAsync<CompactedException>().WithMessage("*store was replaced; list again*");
    }

    [Fact]
    public async Task With_acls_enabled_the_node_api_needs_the_agents_token_and_never_echoes_it()
    {
        using var data = new TempDirectory();
        var config = new AgentConfig
        {
            DataDir = data.Path, LogLevel = "ERROR", Ports = new AgentPorts { Http = 0 },
            Server = new ServerConfig { Enabled = true }, Acl = new AclConfig { Enabled = true, AgentToken = "agent-token-42" },
        };
        await using var server = AgentHost.Create(config, dev: false);
        await server.StartAsync();
        await using var right = StoreOf("n1", server.Address, "agent-token-42");
        await using var wrong = StoreOf("n1", server.Address, "guess");

        var ttl = await right.ConnectAsync(CancellationToken.None);
        var refused = async () => await wrong.ConnectAsync(CancellationToken.None);

        ttl.Should().Be(config.Server.MinHeartbeatTtl);
        (await refused.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*needs the agents' token*")
            .Which.Message.Should().NotContain("agent-token-42").And.NotContain("guess");
        new AclConfig { AgentToken = "agent-token-42" }.ToString().Should().NotContain("agent-token-42");
    }
}
