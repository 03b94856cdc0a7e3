using System.Collections.Concurrent;
using Reconciler.Informers;
using Reconciler.Queue;
using Reconciler.Resources.Json;
using Reconciler.Resources.Model;
using Reconciler.Store;
using Reconciler.Tests.Fixtures;

namespace Reconciler.Tests.Informers;

public class ResourceInformerTests
{
    static ResourceInformerTests() => ResourceKindRegistry.Default.Register<Gizmo>();

    [Fact]
    public async Task It_lists_existing_objects_then_watches_new_ones_into_the_cache()
    {
        await using var store = new InMemoryResourceStore();
        await store.PutAsync(Gizmo.Create("before"));
        await using var informer = NewInformer(store);
        var changes = new ConcurrentQueue<ResourceChange>();
        informer.Subscribe("Gizmo", changes.Enqueue);

        await informer.StartAsync(CancellationToken.None);
        await store.PutAsync(Gizmo.Create("after"));
        await store.DeleteAsync(Gizmo.KeyOf("before"));
        await WaitForRevisionAsync(informer, store.Revision);

        informer.Cache.List<Gizmo>().Select(g => g.Metadata.Name).Should().Equal("after");
        changes.Select(c => (c.Type, c.Object.Metadata.Name)).Should().Equal(
            (ResourceChangeType.Added, "before"), (ResourceChangeType.Added, "after"), (ResourceChangeType.Deleted, "before"));
    }

    [Fact]
    public async Task A_watch_that_hits_compacted_relists_and_no_object_is_missed()
    {
        // A tiny watcher buffer and history: a subscriber that stalls makes the store end the watch as compacted.
        await using var store = new InMemoryResourceStore(ResourceJson.Default, options: new ResourceStoreOptions { WatcherBufferEvents = 4, WatchWindowRevisions = 2 });
        await store.PutAsync(Gizmo.Create("doomed"));
        await store.PutAsync(Gizmo.Create("changed", "old"));
        await using var informer = NewInformer(store);
        var stalled = new ManualResetEventSlim(true);
        var deleted = new ConcurrentQueue<string>();
        informer.Subscribe("Gizmo", change =>
        {
            stalled.Wait();
            if (change.Type == ResourceChangeType.Deleted) deleted.Enqueue(change.Object.Metadata.Name);
        });
        await informer.StartAsync(CancellationToken.None);

        stalled.Reset();
        await store.PutAsync(Gizmo.Create("first"));
        for (var i = 0; i < 50; i++) await store.PutAsync(Gizmo.Create($"n{i}"));
        await store.PutAsync(Gizmo.Create("changed", "new"));
        await store.DeleteAsync(Gizmo.KeyOf("doomed"));
        stalled.Set();
        await WaitForRevisionAsync(informer, store.Revision);

        informer.Relists.Should().BeGreaterThan(0);
        var expected = (await store.ListAsync(new ListQuery("Gizmo"))).Items.Select(g => g.Metadata.Name);
        informer.Cache.List<Gizmo>().Select(g => g.Metadata.Name).Should().BeEquivalentTo(expected);
        informer.Cache.Get<Gizmo>(Gizmo.KeyOf("changed"))!.Spec.Value.Should().Be("new");
        deleted.Should().Equal("doomed");
    }

    [Fact]
    public async Task A_subscriber_that_joins_late_is_told_every_cached_object()
    {
        await using var store = new InMemoryResourceStore();
        await store.PutAsync(Gizmo.Create("one"));
        await using var informer = NewInformer(store);
        informer.Inform("Gizmo");
        await informer.StartAsync(CancellationToken.None);
        var told = new List<string>();

        informer.Subscribe("Gizmo", c => told.Add(c.Object.Metadata.Name));

        told.Should().Equal("one");
    }

    [Fact]
    public async Task A_kind_cannot_be_registered_after_start()
    {
        await using var store = new InMemoryResourceStore();
        await using var informer = NewInformer(store);
        await informer.StartAsync(CancellationToken.None);

        var act = () => informer.Inform("Gizmo");

        act.Should().Throw<InvalidOperationException>().WithMessage("*before starting*");
    }

    private readonly ActivitySignal _activity = new();

    private ResourceInformer NewInformer(IResourceStore store) => new(store, activity: _activity);

    // Awaits the informer's activity signal, with a safety bound so a bug fails instead of hanging.
    private async Task WaitForRevisionAsync(ResourceInformer informer, long revision)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var changed = _activity.NextChange;
            if (informer.ObservedRevision >= revision) return;
            await changed.WaitAsync(timeout.Token);
        }
    }
}
