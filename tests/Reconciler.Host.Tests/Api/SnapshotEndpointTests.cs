using System.Net;
using Reconciler.Host.Tests.Fixtures;
using Reconciler.Store.Snapshots;

namespace Reconciler.Host.Tests.Api;

public sealed class SnapshotEndpointTests : AgentTest
{
    [Fact]
    public async Task A_saved_snapshot_restores_the_state_it_was_taken_at()
    {
        await Agent.PutYamlAsync("/v1/jobs/web", Manifests.Job("web"));
        var saved = await Agent.Http.GetAsync("/v1/operator/snapshot");
        var bytes = await saved.Content.ReadAsByteArrayAsync();
        await Agent.Http.DeleteAsync("/v1/jobs/web");
        await Agent.PutYamlAsync("/v1/jobs/db", Manifests.Job("db"));

        var restored = await Agent.Http.PutAsync("/v1/operator/snapshot", new ByteArrayContent(bytes));

        restored.StatusCode.Should().Be(HttpStatusCode.OK);
        var info = await SnapshotFile.InspectAsync(new MemoryStream(bytes));
        saved.Index().Should().Be(info.Revision);
        info.CountsByKind["Job"].Should().Be(1);
        (await Agent.Http.GetAsync("/v1/jobs/web")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Agent.Http.GetAsync("/v1/jobs/db")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_corrupt_snapshot_is_a_400_and_changes_nothing()
    {
        await Agent.PutYamlAsync("/v1/jobs/web", Manifests.Job("web"));
        var bytes = await (await Agent.Http.GetAsync("/v1/operator/snapshot")).Content.ReadAsByteArrayAsync();
        bytes[bytes.Length / 2] ^= 0xFF;
        await Agent.PutYamlAsync("/v1/jobs/db", Manifests.Job("db"));

        var response = await Agent.Http.PutAsync("/v1/operator/snapshot", new ByteArrayContent(bytes));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ErrorAsync())["message"]!.GetValue<string>().Should().Contain("nothing changed");
        (await Agent.Http.GetAsync("/v1/jobs/db")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
