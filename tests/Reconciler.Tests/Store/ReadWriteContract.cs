using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;
using Reconciler.Store;

namespace Reconciler.Tests.Store;

/// <summary>Get, list, put and delete: stamping, namespaces, selectors and conflicts.</summary>
public abstract class ReadWriteContract<TFactory> : StoreContract<TFactory> where TFactory : IStoreFactory, new()
{
    [Fact]
    public async Task A_missing_object_reads_as_null()
    {
        var store = await CreateStoreAsync();

        (await store.GetAsync(new ResourceKey("Widget", "default", "nope"))).Should().BeNull();
        store.Revision.Should().Be(0);
    }

    [Fact]
    public async Task A_new_object_gets_a_uid_createdAt_generation_one_and_the_write_revision()
    {
        var store = await CreateStoreAsync();

        var stored = await store.PutAsync(Widget.Create("a"));

        stored.Metadata.Uid.Should().NotBeNullOrEmpty();
        Guid.TryParse(stored.Metadata.Uid, out _).Should().BeTrue();
        stored.Metadata.CreatedAt.Should().Be(Clock.GetUtcNow());
        stored.Metadata.Generation.Should().Be(1);
        stored.Metadata.ResourceVersion.Should().Be(1);
        store.Revision.Should().Be(1);
        (await store.GetAsync(stored.Key)).Should().BeEquivalentTo(stored, o => o.RespectingRuntimeTypes());
    }

    [Fact]
    public async Task A_custom_kind_round_trips_its_spec()
    {
        var store = await CreateStoreAsync();

        await store.PutAsync(Widget.Create("a", color: "blue", size: 42));

        var read = (Widget)(await store.GetAsync(new ResourceKey("Widget", "default", "a")))!;
        read.Spec.Should().Be(new WidgetSpec { Color = "blue", Size = 42 });
    }

    [Fact]
    public async Task A_namespaced_object_without_a_namespace_lands_in_default()
    {
        var store = await CreateStoreAsync();

        var stored = await store.PutAsync(Widget.Create("a"));

        stored.Metadata.Namespace.Should().Be("default");
        (await store.GetAsync(new ResourceKey("Widget", null, "a"))).Should().NotBeNull("a key without a namespace means default");
    }

    [Fact]
    public async Task A_cluster_scoped_object_is_stored_without_a_namespace()
    {
        var store = await CreateStoreAsync();

        var stored = await store.PutAsync(new Namespace { Metadata = new ObjectMeta { Name = "prod", Namespace = "ignored" } });

        stored.Metadata.Namespace.Should().BeNull();
        stored.Key.Should().Be(new ResourceKey("Namespace", null, "prod"));
        (await store.GetAsync(new ResourceKey("Namespace", null, "prod"))).Should().NotBeNull();
        (await store.ListAsync(new ListQuery("Namespace"))).Items.Should().ContainSingle();
    }

    [Fact]
    public async Task An_update_keeps_uid_and_createdAt_and_bumps_generation_only_when_the_spec_changes()
    {
        var store = await CreateStoreAsync();
        var created = await store.PutAsync(Widget.Create("a"));
        Clock.Advance(TimeSpan.FromMinutes(5));

        var relabelled = await store.PutAsync(Widget.Create("a", labels: new Dictionary<string, string> { ["tier"] = "web" }));
        var respecced = await store.PutAsync(Widget.Create("a", color: "green"));

        relabelled.Metadata.Uid.Should().Be(created.Metadata.Uid);
        relabelled.Metadata.CreatedAt.Should().Be(created.Metadata.CreatedAt);
        relabelled.Metadata.Generation.Should().Be(1, "only labels changed");
        relabelled.Metadata.ResourceVersion.Should().Be(2);
        respecced.Metadata.Generation.Should().Be(2, "the spec changed");
        respecced.Metadata.ResourceVersion.Should().Be(3);
        respecced.Metadata.Uid.Should().Be(created.Metadata.Uid);
    }

    [Fact]
    public async Task A_uid_or_generation_sent_by_the_writer_is_ignored()
    {
        var store = await CreateStoreAsync();
        var forged = Widget.Create("a") with { Metadata = new ObjectMeta { Name = "a", Uid = "forged", Generation = 7, ResourceVersion = 99 } };

        var stored = await store.PutAsync(forged);

        stored.Metadata.Uid.Should().NotBe("forged");
        stored.Metadata.Generation.Should().Be(1);
        stored.Metadata.ResourceVersion.Should().Be(1);
    }

    [Fact]
    public async Task List_filters_by_kind_namespace_and_label_selector_and_returns_the_revision_read_at()
    {
        var store = await CreateStoreAsync();
        var web = new Dictionary<string, string> { ["app"] = "web" };
        await store.PutAsync(Widget.Create("a", @namespace: "default", labels: web));
        await store.PutAsync(Widget.Create("b", @namespace: "default"));
        await store.PutAsync(Widget.Create("c", @namespace: "prod", labels: web));
        await store.PutAsync(new Namespace { Metadata = new ObjectMeta { Name = "prod", Labels = web } });

        var all = await store.ListAsync(new ListQuery("Widget"));
        var inDefault = await store.ListAsync(new ListQuery("Widget", "default"));
        var webOnly = await store.ListAsync(new ListQuery("Widget", Selector: LabelSelector.Parse("app=web")));
        var webInProd = await store.ListAsync(new ListQuery("Widget", "prod", LabelSelector.Parse("app in (web)")));

        all.Items.Select(i => i.Metadata.Name).Should().BeEquivalentTo("a", "b", "c");
        all.Revision.Should().Be(4);
        inDefault.Items.Select(i => i.Metadata.Name).Should().BeEquivalentTo("a", "b");
        webOnly.Items.Select(i => i.Metadata.Name).Should().BeEquivalentTo("a", "c");
        webInProd.Items.Select(i => i.Metadata.Name).Should().BeEquivalentTo("c");
        (await store.ListAsync(new ListQuery("Job"))).Items.Should().BeEmpty();
    }

    [Fact]
    public async Task Creating_with_expected_revision_zero_conflicts_when_the_object_exists()
    {
        var store = await CreateStoreAsync();
        await store.PutAsync(Widget.Create("a"), expectedRevision: 0);

        var act = () => store.PutAsync(Widget.Create("a", color: "blue"), expectedRevision: 0).AsTask();

        (await act.Should().ThrowAsync<ConflictException>()).Which.ActualRevision.Should().Be(1);
        ((Widget)(await store.GetAsync(new ResourceKey("Widget", "default", "a")))!).Spec.Color.Should().Be("red");
        store.Revision.Should().Be(1);
    }

    [Fact]
    public async Task A_write_with_a_stale_revision_conflicts_and_carries_the_current_one()
    {
        var store = await CreateStoreAsync();
        var first = await store.PutAsync(Widget.Create("a"));
        await store.PutAsync(Widget.Create("a", color: "blue"));

        var act = () => store.PutAsync(Widget.Create("a", color: "green"), first.Metadata.ResourceVersion).AsTask();

        var conflict = (await act.Should().ThrowAsync<ConflictException>()).Which;
        conflict.ActualRevision.Should().Be(2);
        conflict.ExpectedRevision.Should().Be(1);
        conflict.Key.Should().Be(first.Key);
        store.Revision.Should().Be(2);
    }

    [Fact]
    public async Task A_write_with_the_current_revision_succeeds()
    {
        var store = await CreateStoreAsync();
        var first = await store.PutAsync(Widget.Create("a"));

        var second = await store.PutAsync(Widget.Create("a", color: "blue"), first.Metadata.ResourceVersion);

        second.Metadata.ResourceVersion.Should().Be(2);
    }

    [Fact]
    public async Task Updating_a_missing_object_with_an_expected_revision_conflicts()
    {
        var store = await CreateStoreAsync();

        var act = () => store.PutAsync(Widget.Create("a"), expectedRevision: 3).AsTask();

        (await act.Should().ThrowAsync<ConflictException>()).Which.ActualRevision.Should().Be(0);
    }

    [Fact]
    public async Task Delete_returns_the_last_state_stamped_with_the_delete_revision()
    {
        var store = await CreateStoreAsync();
        var created = await store.PutAsync(Widget.Create("a"));

        var deleted = await store.DeleteAsync(created.Key);

        deleted!.Metadata.ResourceVersion.Should().Be(2);
        deleted.Metadata.Uid.Should().Be(created.Metadata.Uid);
        (await store.GetAsync(created.Key)).Should().BeNull();
        (await store.ListAsync(new ListQuery("Widget"))).Items.Should().BeEmpty();
    }

    [Fact]
    public async Task Deleting_a_missing_object_returns_null_and_takes_no_revision()
    {
        var store = await CreateStoreAsync();

        (await store.DeleteAsync(new ResourceKey("Widget", "default", "a"))).Should().BeNull();
        store.Revision.Should().Be(0);
    }

    [Fact]
    public async Task A_delete_with_a_stale_revision_conflicts_and_keeps_the_object()
    {
        var store = await CreateStoreAsync();
        await store.PutAsync(Widget.Create("a"));
        await store.PutAsync(Widget.Create("a", color: "blue"));

        var act = () => store.DeleteAsync(new ResourceKey("Widget", "default", "a"), expectedRevision: 1).AsTask();

        await act.Should().ThrowAsync<ConflictException>();
        (await store.GetAsync(new ResourceKey("Widget", "default", "a"))).Should().NotBeNull();
    }

    [Fact]
    public async Task A_kind_the_store_does_not_know_is_refused_with_the_known_kinds()
    {
        var store = await CreateStoreAsync();

        var act = () => store.DeleteAsync(new ResourceKey("Gadget", "default", "a")).AsTask();

        (await act.Should().ThrowAsync<KeyNotFoundException>()).WithMessage("*Gadget*Widget*");
    }

    [Fact]
    public async Task Concurrent_writers_get_distinct_gapless_revisions()
    {
        var store = await CreateStoreAsync();

        var writes = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => store.PutAsync(Widget.Create($"w{i % 20}", size: i)).AsTask()));

        writes.Select(w => w.Metadata.ResourceVersion).Should().BeEquivalentTo(Enumerable.Range(1, 200).Select(i => (long)i));
        store.Revision.Should().Be(200);
    }
}
