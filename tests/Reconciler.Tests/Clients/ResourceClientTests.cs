using Reconciler.Clients;
using Reconciler.Resources.Model;
using Reconciler.Store;
using Reconciler.Tests.Fixtures;

namespace Reconciler.Tests.Clients;

public class ResourceClientTests
{
    static ResourceClientTests() => ResourceKindRegistry.Default.Register<Gizmo>();

    private readonly InMemoryResourceStore _store = new();
    private ResourceClient Client => new(_store);

    [Fact]
    public async Task An_apply_meeting_a_status_write_still_being_committed_waits_for_it_instead_of_failing()
    {
        var before = await Client.ApplyAsync(Gizmo.Create("a"));
        var controller = await Client.UpdateStatusAsync(before with { Status = new GizmoStatus { Seen = "v0" } });
        var trailing = new TrailingReadsStore(_store, before.Key, before) { StaleUntil = DateTime.UtcNow + TimeSpan.FromMilliseconds(30) };

        var applied = await new ResourceClient(trailing).ApplyAsync(Gizmo.Create("a", "v1"));

        applied.Spec.Value.Should().Be("v1");
        applied.Status.Seen.Should().Be("v0", "the controller's status write is kept");
        applied.Metadata.ResourceVersion.Should().BeGreaterThan(controller.Resource!.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task Deleting_an_object_without_finalizers_removes_it()
    {
        await Client.ApplyAsync(Gizmo.Create("a"));

        (await Client.DeleteAsync(Gizmo.KeyOf("a"))).Should().Be(DeleteOutcome.Deleted);
        (await Client.DeleteAsync(Gizmo.KeyOf("a"))).Should().Be(DeleteOutcome.NotFound);
    }

    [Fact]
    public async Task Deleting_an_object_with_finalizers_marks_it_and_removing_the_last_finalizer_deletes_it()
    {
        var stored = await Client.ApplyAsync(Gizmo.Create("a") with { Metadata = Gizmo.Create("a").Metadata with { Finalizers = ["x"] } });

        (await Client.DeleteAsync(stored.Key)).Should().Be(DeleteOutcome.Terminating);
        var terminating = await Client.GetAsync<Gizmo>(stored.Key);
        var removed = await Client.RemoveFinalizerAsync(terminating!, "x");

        terminating!.Metadata.DeletionTimestamp.Should().NotBeNull();
        removed.Outcome.Should().Be(WriteOutcome.Deleted);
        (await _store.GetAsync(stored.Key)).Should().BeNull();
    }

    [Fact]
    public async Task An_apply_with_a_stale_expected_revision_is_a_conflict_and_changes_nothing()
    {
        var first = await Client.ApplyAsync(Gizmo.Create("a"), expectedRevision: 0);
        await Client.ApplyAsync(Gizmo.Create("a", "v1"), first.Metadata.ResourceVersion);

        var stale = async () => await Client.ApplyAsync(Gizmo.Create("a", "v2"), first.Metadata.ResourceVersion);

        (await stale.Should().ThrowAsync<ConflictException>()).Which.ActualRevision.Should().Be(_store.Revision);
        (await Client.GetAsync<Gizmo>(first.Key))!.Spec.Value.Should().Be("v1");
    }

    [Fact]
    public async Task A_delete_with_a_stale_expected_revision_is_a_conflict_and_keeps_the_object()
    {
        var first = await Client.ApplyAsync(Gizmo.Create("a"));
        var second = await Client.ApplyAsync(Gizmo.Create("a", "v1"));

        var stale = async () => await Client.DeleteAsync(first.Key, first.Metadata.ResourceVersion);

        await stale.Should().ThrowAsync<ConflictException>();
        (await Client.DeleteAsync(first.Key, second.Metadata.ResourceVersion)).Should().Be(DeleteOutcome.Deleted);
    }

    [Fact]
    public async Task A_status_update_from_a_stale_read_is_a_conflict_and_changes_nothing()
    {
        var stale = await Client.ApplyAsync(Gizmo.Create("a"));
        await Client.ApplyAsync(Gizmo.Create("a", "v1"));

        var result = await Client.UpdateStatusAsync(stale with { Status = new GizmoStatus { Seen = "old" } });

        result.Outcome.Should().Be(WriteOutcome.Conflict);
        (await Client.GetAsync<Gizmo>(stale.Key))!.Status.Seen.Should().BeNull();
    }

    [Fact]
    public async Task An_unchanged_status_is_not_written_again()
    {
        var stored = await Client.ApplyAsync(Gizmo.Create("a"));
        var first = await Client.UpdateStatusAsync(stored with { Status = new GizmoStatus { Seen = "v0" } });

        var second = await Client.UpdateStatusAsync(first.Resource! with { Status = new GizmoStatus { Seen = "v0" } });

        first.Outcome.Should().Be(WriteOutcome.Written);
        second.Outcome.Should().Be(WriteOutcome.Unchanged);
        _store.Revision.Should().Be(first.Resource!.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task Applying_again_keeps_the_status_and_finalizers_controllers_wrote()
    {
        var stored = await Client.ApplyAsync(Gizmo.Create("a"));
        var withStatus = (await Client.UpdateStatusAsync(stored with { Status = new GizmoStatus { Seen = "v0" } })).Resource!;
        await Client.AddFinalizersAsync(withStatus, ["x"]);

        var applied = await Client.ApplyAsync(Gizmo.Create("a", "v1"));

        applied.Spec.Value.Should().Be("v1");
        applied.Status.Seen.Should().Be("v0");
        applied.Metadata.Finalizers.Should().Equal("x");
    }
}
