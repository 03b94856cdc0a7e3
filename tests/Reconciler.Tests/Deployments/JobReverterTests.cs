using Reconciler.Clients;
using Reconciler.Deployments;
using Reconciler.Resources.Json;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;
using Reconciler.Store;
using Reconciler.Tests.Scheduling;

namespace Reconciler.Tests.Deployments;

public sealed class JobReverterTests
{
    private static readonly ResourceKey JobKey = new("Job", "default", "web");

    private static Job Job(string image)
    {
        var group = Cluster.Group("web");
        return Cluster.Job("web", group with { Tasks = [group.Tasks[0] with { Env = new Dictionary<string, string> { ["IMAGE"] = image } }] }) with
        {
            Metadata = new ObjectMeta { Name = "web", Namespace = "default" },
        };
    }

    private static async Task<(InterleavingStore Store, ResourceClient Client, JobReverter Reverter)> TwoVersionsAsync()
    {
        var kinds = ResourceKindRegistry.CreateDefault();
        kinds.Register<JobVersion>();
        var store = new InterleavingStore(new InMemoryResourceStore(new ResourceJson(kinds)));
        var client = new ResourceClient(store);
        var history = new JobHistory(client, new DeploymentOptions());
        await history.RecordAsync(await client.ApplyAsync(Job("v1")));
        await history.RecordAsync(await client.ApplyAsync(Job("v2")));
        return (store, client, new JobReverter(client, history));
    }

    [Fact]
    public async Task A_version_recorded_meanwhile_by_another_writer_is_in_the_history_read_right_after_recording()
    {
        var kinds = ResourceKindRegistry.CreateDefault();
        kinds.Register<JobVersion>();
        await using var inner = new InMemoryResourceStore(new ResourceJson(kinds));
        var job = await new ResourceClient(inner).ApplyAsync(Job("v1"));
        await new JobHistory(new ResourceClient(inner), new DeploymentOptions()).RecordAsync(job);
        // The history controller's write of the same version, still being committed: reads do not see it yet.
        var trailing = new Clients.TrailingReadsStore(inner, DeploymentNames.JobVersion("default", "web", 1), before: null) { StaleUntil = DateTime.UtcNow + TimeSpan.FromMilliseconds(30) };
        var history = new JobHistory(new ResourceClient(trailing), new DeploymentOptions());

        await history.RecordAsync(job);
        var versions = await history.VersionsAsync("default", "web");

        versions.Select(v => v.Spec.Version).Should().Equal(1);
    }

    [Fact]
    public async Task A_revert_goes_through_when_the_job_controller_writes_the_jobs_status_meanwhile()
    {
        var (store, client, reverter) = await TwoVersionsAsync();
        await using var _ = store;
        store.BeforeGet(key => key.Kind == "JobVersion", async () =>
        {
            var job = (await client.GetAsync<Job>(JobKey))!;
            (await client.UpdateStatusAsync(job with { Status = job.Status with { ObservedGeneration = job.Metadata.Generation } })).Succeeded.Should().BeTrue();
        });

        var reverted = await reverter.RevertAsync(JobKey, 1, expectedCurrentVersion: 2);

        reverted.Error.Should().BeNull();
        reverted.Job!.Metadata.Generation.Should().Be(3);
        reverted.Job.Spec.Groups[0].Tasks[0].Env["IMAGE"].Should().Be("v1");
    }

    [Fact]
    public async Task A_revert_is_refused_when_a_new_job_version_is_registered_meanwhile()
    {
        var (store, client, reverter) = await TwoVersionsAsync();
        await using var _ = store;
        store.BeforeGet(key => key.Kind == "JobVersion", async () => await client.ApplyAsync(Job("v3")));

        var reverted = await reverter.RevertAsync(JobKey, 1, expectedCurrentVersion: 2);

        reverted.Succeeded.Should().BeFalse();
        reverted.Error.Should().Be("job Job/default/web is at version 3, not 2: read it again and retry");
        (await client.GetAsync<Job>(JobKey))!.Spec.Groups[0].Tasks[0].Env["IMAGE"].Should().Be("v3");
    }
}
