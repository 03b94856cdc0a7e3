using Reconciler.Host.Cli.Remote;

namespace Reconciler.Host.Tests.Cli.Remote;

public sealed class AgentHttpHandlerTests
{
    private static Func<string, string?> Variables(params (string Name, string Value)[] set) =>
        name => set.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void A_remote_agent_goes_through_the_proxy_a_variable_names()
    {
        AgentHttpHandler.UsesProxy(new Uri("http://10.0.0.5:4747"), Variables(("HTTPS_PROXY", "http://proxy:3128"))).Should().BeTrue();
        AgentHttpHandler.UsesProxy(new Uri("http://agent.example:4747"), Variables(("http_proxy", "http://proxy:3128"))).Should().BeTrue();
    }

    [Fact]
    public void A_loopback_agent_is_never_proxied()
    {
        var proxy = Variables(("http_proxy", "http://proxy:3128"), ("ALL_PROXY", "http://proxy:3128"));

        AgentHttpHandler.UsesProxy(new Uri("http://127.0.0.1:4747"), proxy).Should().BeFalse();
        AgentHttpHandler.UsesProxy(new Uri("http://localhost:4747"), proxy).Should().BeFalse();
        AgentHttpHandler.UsesProxy(new Uri("http://[::1]:4747"), proxy).Should().BeFalse();
    }

    [Fact]
    public void Without_a_proxy_variable_no_proxy_is_looked_up()
    {
        AgentHttpHandler.UsesProxy(new Uri("http://10.0.0.5:4747"), Variables(("http_proxy", ""), ("NO_PROXY", "*"))).Should().BeFalse();
        AgentHttpHandler.Create(new Uri("http://127.0.0.1:4747")).UseProxy.Should().BeFalse();
    }
}
