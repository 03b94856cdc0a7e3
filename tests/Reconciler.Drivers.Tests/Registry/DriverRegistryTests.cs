using Reconciler.Drivers.Docker;
using Reconciler.Drivers.Mock;

namespace Reconciler.Drivers.Tests.Registry;

public sealed class DriverRegistryTests
{
    [Fact]
    public async Task Fingerprints_become_node_attributes_with_driver_NAME_for_each_healthy_driver()
    {
        var registry = new DriverRegistry()
            .Add(new MockDriver())
            .Add(new DockerDriver(new DockerDriverOptions { Endpoint = new Uri("unix:///tmp/recon-no-such-docker.sock") }));

        var fingerprints = await registry.FingerprintAsync(CancellationToken.None);
        var attributes = DriverRegistry.NodeAttributes(fingerprints);

        fingerprints["docker"].Healthy.Should().BeFalse();
        attributes.Should().Contain("driver.mock", "1").And.Contain("driver.mock.version", "1");
        attributes.Should().NotContainKey("driver.docker");
    }

    [Fact]
    public void A_driver_is_found_by_its_name_and_a_second_of_the_same_name_is_refused()
    {
        var registry = new DriverRegistry().AddBuiltInDrivers();

        registry.Drivers.Select(driver => driver.Name).Should().BeEquivalentTo("docker", "exec", "raw_exec", "java", "mock");
        registry.Find("exec").Should().NotBeNull();
        registry.Find("podman").Should().BeNull();
        var again = () => registry.Add(new MockDriver());
        again.Should().Throw<InvalidOperationException>().WithMessage("*'mock' is already registered*");
    }

    [Fact]
    public async Task A_driver_that_throws_while_fingerprinting_is_reported_unhealthy_not_thrown()
    {
        var registry = new DriverRegistry().Add(new ThrowingDriver());

        var fingerprints = await registry.FingerprintAsync(CancellationToken.None);

        fingerprints["broken"].Healthy.Should().BeFalse();
        fingerprints["broken"].HealthDescription.Should().Be("the broken driver failed to fingerprint: probe exploded");
    }

    private sealed class ThrowingDriver : ITaskDriver
    {
        public string Name => "broken";
        public Task<DriverFingerprint> FingerprintAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("probe exploded");
        public Task<TaskStartResult> StartAsync(TaskConfiguration task, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<TaskRecoveryResult> RecoverAsync(TaskHandle handle, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<IReadOnlyList<TaskHandle>> ListTasksAsync(string nodeName, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<TaskExit> WaitAsync(string taskId, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task StopAsync(string taskId, TimeSpan timeout, string signal, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task DestroyAsync(string taskId, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<ExecResult> ExecAsync(string taskId, ExecRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<TaskResourceUsage?> StatsAsync(string taskId, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
