using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;
using Reconciler.Store;

namespace Reconciler.Tests.Store;

/// <summary>Watches: order, filters, resume, compaction and slow watchers.</summary>
public abstract class WatchContract<TFactory> : StoreContract<TFactory> where TFactory : IStoreFactory, new()
{
    [Fact]
    public async Task A_watch_reports_added_modified_and_deleted_in_revision_order()
    {
        var store = await CreateStoreAsync();
        var watch = store.WatchAsync(new WatchQuery("Widget"), 0);
        var events = TakeAsync(watch, 3);

        await store.PutAsync(Widget.Create("a"));
        await store.PutAsync(Widget.Create("a", color: "blue"));
        await store.DeleteAsync(new ResourceKey("Widget", "default", "a"));

        (await events).Select(e => (e.Type, e.Revision)).Should().Equal(
            (WatchEventType.Added, 1L), (WatchEventType.Modified, 2L), (WatchEventType.Deleted, 3L));
        (await events)[2].Object.Metadata.ResourceVersion.Should().Be(3);
    }

    [Fact]
    public async Task A_watch_replays_history_after_the_given_revision_then_continues_live()
    {
        var store = await CreateStoreAsync();
        for (var i = 0; i < 5; i++) await store.PutAsync(Widget.Create($"w{i}"));

        var events = TakeAsync(store.WatchAsync(new WatchQuery(), 2), 4);
        await store.PutAsync(Widget.Create("live"));

        (await events).Select(e => e.Revision).Should().Equal(3, 4, 5, 6);
    }

    [Fact]
    public async Task Events_of_one_transaction_all_carry_its_revision()
    {
        var store = await CreateStoreAsync();
        await store.PutAsync(Widget.Create("first"));

        await store.CommitAsync(new StoreTransaction().Put(Widget.Create("a")).Put(Widget.Create("b")).Put(Widget.Create("c")));

        (await TakeAsync(store.WatchAsync(new WatchQuery(), 1), 3)).Should().OnlyContain(e => e.Revision == 2);
    }

    [Fact]
    public async Task A_watch_sees_only_its_kind_namespace_and_labels()
    {
        var store = await CreateStoreAsync();
        var web = new Dictionary<string, string> { ["app"] = "web" };
        await store.PutAsync(Widget.Create("other-namespace", @namespace: "prod", labels: web));
        await store.PutAsync(new Namespace { Metadata = new ObjectMeta { Name = "other-kind", Labels = web } });
        await store.PutAsync(Widget.Create("unlabelled"));
        await store.PutAsync(Widget.Create("match", labels: web));
        await store.PutAsync(Widget.Create("last", labels: web));

        var events = await TakeAsync(store.WatchAsync(new WatchQuery("Widget", "default", LabelSelector.Parse("app=web")), 0), 2);

        events.Select(e => e.Object.Metadata.Name).Should().Equal("match", "last");
    }

    [Fact]
    public async Task Resuming_after_the_last_seen_revision_misses_nothing_and_repeats_nothing()
    {
        var store = await CreateStoreAsync();
        for (var i = 0; i < 3; i++) await store.PutAsync(Widget.Create($"w{i}"));
        var firstPart = await TakeAsync(store.WatchAsync(new WatchQuery(), 0), 2);

        for (var i = 3; i < 6; i++) await store.PutAsync(Widget.Create($"w{i}"));
        var rest = await TakeAsync(store.WatchAsync(new WatchQuery(), firstPart[^1].Revision), 4);

        firstPart.Concat(rest).Select(e => e.Revision).Should().Equal(1, 2, 3, 4, 5, 6);
    }

    [Fact]
    public async Task Watching_after_a_compacted_revision_throws_compacted()
    {
        var store = await CreateStoreAsync(new ResourceStoreOptions { WatchWindowRevisions = 3 });
        for (var i = 0; i < 10; i++) await store.PutAsync(Widget.Create($"w{i}"));
        await Factory.TruncateHistoryAsync(store);

        var act = () => TakeAsync(store.WatchAsync(new WatchQuery(), 2), 1);

        var compacted = (await act.Should().ThrowAsync<CompactedException>()).Which;
        compacted.RequestedRevision.Should().Be(2);
        compacted.OldestAvailable.Should().BeGreaterThan(2);
        (await TakeAsync(store.WatchAsync(new WatchQuery(), 7), 3)).Select(e => e.Revision).Should().Equal(8, 9, 10);
    }

    [Fact]
    public async Task A_watcher_that_falls_behind_is_ended_with_compacted_and_writers_are_not_blocked()
    {
        var store = await CreateStoreAsync(new ResourceStoreOptions { WatcherBufferEvents = 5 });
        await using var slow = store.WatchAsync(new WatchQuery(), 0).GetAsyncEnumerator(Deadline());
        var first = slow.MoveNextAsync();
        await store.PutAsync(Widget.Create("first"));
        (await first).Should().BeTrue("the watch is registered once it has delivered an event");

        // Every put completes although nobody reads the watch.
        for (var i = 0; i < 20; i++) await store.PutAsync(Widget.Create($"w{i}"));

        var delivered = new List<long>();
        var act = async () => { while (await slow.MoveNextAsync()) delivered.Add(slow.Current.Revision); };
        (await act.Should().ThrowAsync<CompactedException>()).WithMessage("*behind*");
        delivered.Should().Equal(2, 3, 4, 5, 6);
    }
}
