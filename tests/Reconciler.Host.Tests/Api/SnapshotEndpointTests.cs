using System.Net;
using Reconciler.Host.Tests.Fixtures;
using Reconciler.Store.Snapshots;

namespace Reconciler.Host.Tests.Api;

public sealed class SnapshotEndpointTests : IAsyncLifetime
{
    private RunningAgent _agent = null!;

    public async Task InitializeAsync() => _agent = await RunningAgent.StartAsync();

    public async Task DisposeAsync() => await _agent.DisposeAsync();

    [Fact]
    public async Task A_saved_snapshot_restores_the_state_it_was_taken_at()
    {
        await _agent.PutYamlAsync("/v1/jobs/web", Manifests.Job("web"));
        var saved = await _agent.Http.GetAsync("/v1/operator/snapshot");
        var bytes = await saved.Content.ReadAsByteArrayAsync();
        await _agent.Http.DeleteAsync("/v1/jobs/web");
        await _agent.PutYamlAsync("/v1/jobs/db", Manifests.Job("db"));

        var restored = await _agent.Http.PutAsync("/v1/operator/snapshot", new ByteArrayContent(bytes));

        restored.StatusCode.Should().Be(HttpStatusCode.OK);
        var info = await SnapshotFile.InspectAsync(new MemoryStream(bytes));
        saved.Index().Should().Be(info.Revision);
        info.CountsByKind["Job"].Should().Be(1);
        (await _agent.Http.GetAsync("/v1/jobs/web")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _agent.Http.GetAsync("/v1/jobs/db")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_corrupt_snapshot_is_a_400_and_changes_nothing()
    {
        await _agent.PutYamlAsync("/v1/jobs/web", Manifests.Job("web"));
        var bytes = await (await _agent.Http.GetAsync("/v1/operator/snapshot")).Content.ReadAsByteArrayAsync();
        bytes[bytes.Length / 2] ^= 0xFF;
        await _agent.PutYamlAsync("/v1/jobs/db", Manifests.Job("db"));

        var response = await _agent.Http.PutAsync("/v1/operator/snapshot", new ByteArrayContent(bytes));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ErrorAsync())["message"]!.GetValue<string>().Should().Contain("nothing changed");
        (await _agent.Http.GetAsync("/v1/jobs/db")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
