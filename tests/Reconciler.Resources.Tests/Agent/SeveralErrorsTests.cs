using Reconciler.Resources.Agent;

namespace Reconciler.Resources.Tests.Agent;

public sealed class SeveralErrorsTests
{
    [Fact]
    public void Every_error_of_a_file_is_reported_in_file_order_not_just_the_first()
    {
        var path = RepositoryRoot.Combine("tests", "Reconciler.Resources.Tests", "Agent", "TestData", "several-errors.toml");

        var result = AgentConfigReader.ReadFile(path);

        result.IsValid.Should().BeFalse();
        result.Config.Should().BeNull();
        result.Errors.Select(e => $"{e.Line}:{e.Column} {e.Path}").Should().Equal(
            "6:1 ports.http",
            "9:1 server.enabled",
            "10:1 server.heartbeat_grace",
            "17:1 client.host_volume.mysql.path",
            "20:1 telemetry.colection_interval");
        result.Errors.Should().AllSatisfy(e => e.Source.Should().Be(path));
    }
}
