using Reconciler.Client;
using Reconciler.Host.Api.Allocations.Forwarding;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;

namespace Reconciler.Host.Tests.Api.Allocations;

public sealed class ForwardingTlsTests
{
    private static Node Advertising(string address) => new()
    {
        Metadata = new ObjectMeta { Name = "node-2" },
        Spec = new NodeSpec { Datacenter = "dc1" },
        Status = new NodeStatus { HttpAddress = address },
    };

    [Fact]
    public async Task With_tls_rpc_on_nothing_is_forwarded_to_a_client_agent_serving_plain_http()
    {
        using var http = new ClientAgentHttp(new ForwardingOptions(RequireToken: true, AgentToken: "agents-secret") { RequireTls = true });
        var access = new RemoteAllocationAccess(http, "node-2", Advertising("http://127.0.0.1:9"));

        var restart = () => access.RestartAsync("0123456789abcdef", null, CancellationToken.None);

        (await restart.Should().ThrowAsync<AllocationAccessException>()).Which.Message
            .Should().Contain("serves plain http (http://127.0.0.1:9)").And.Contain("[tls] rpc").And.Contain("turn on [tls] http").And.NotContain("agents-secret");
    }

    [Fact]
    public async Task With_tls_rpc_on_the_forwarding_connection_itself_sends_nothing_over_plain_http()
    {
        using var http = new ClientAgentHttp(new ForwardingOptions(RequireToken: true, AgentToken: "agents-secret") { RequireTls = true });

        var send = () => http.SendAsync(HttpMethod.Get, new Uri("http://127.0.0.1:9"), ClientAgentRoutes.HostStats, CancellationToken.None);

        (await send.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("serves plain http (http://127.0.0.1:9)").And.NotContain("agents-secret");
        http.PlainHttpRefusal(new Uri("https://127.0.0.1:9")).Should().BeNull();
    }

    [Fact]
    public async Task Without_tls_rpc_a_plain_http_client_agent_is_tried()
    {
        using var http = new ClientAgentHttp(new ForwardingOptions(RequireToken: false, AgentToken: null) { ConnectTimeout = TimeSpan.FromSeconds(2) });
        var access = new RemoteAllocationAccess(http, "node-2", Advertising("http://127.0.0.1:9"));

        var restart = () => access.RestartAsync("0123456789abcdef", null, CancellationToken.None);

        (await restart.Should().ThrowAsync<AllocationAccessException>()).Which.Message.Should().Contain("does not answer");
    }
}
