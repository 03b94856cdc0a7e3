using Reconciler.Resources.Model;
using Reconciler.Store;
using Reconciler.Store.Faster;

namespace Reconciler.Tests.Store;

/// <summary>What only the durable store does: survive a reopen, recover from checkpoint plus log, truncate its log.</summary>
public sealed class FasterResourceStoreTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("reconciler-faster-test-").FullName;
    private readonly Reconciler.Resources.Json.ResourceJson _json = IStoreFactory.TestJson();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Closing_and_reopening_keeps_every_object_and_continues_the_revisions()
    {
        Resource created;
        await using (var store = await OpenAsync())
        {
            created = await store.PutAsync(Widget.Create("a", color: "blue"));
            await store.PutAsync(Widget.Create("b"));
            await store.DeleteAsync(new ResourceKey("Widget", "default", "b"));
        }

        await using var reopened = await OpenAsync();

        reopened.Revision.Should().Be(3);
        var read = (Widget)(await reopened.GetAsync(created.Key))!;
        read.Spec.Color.Should().Be("blue");
        read.Metadata.Uid.Should().Be(created.Metadata.Uid);
        (await reopened.ListAsync(new ListQuery("Widget"))).Items.Should().ContainSingle();
        (await reopened.PutAsync(Widget.Create("a", color: "green"))).Metadata.Should().Match<ObjectMeta>(m => m.ResourceVersion == 4 && m.Generation == 2);
    }

    [Fact]
    public async Task Recovery_replays_the_log_tail_after_the_latest_checkpoint()
    {
        var store = await OpenAsync(checkpointEvery: long.MaxValue);
        for (var i = 0; i < 5; i++) await store.PutAsync(Widget.Create($"w{i}", size: i));
        await store.CheckpointAsync();
        for (var i = 0; i < 5; i++) await store.PutAsync(Widget.Create($"w{i}", size: 100 + i));
        await store.PutAsync(Widget.Create("late"));
        await store.DeleteAsync(new ResourceKey("Widget", "default", "w0"));
        await AbandonWithoutCheckpointAsync(store);

        await using var reopened = await OpenAsync();

        reopened.Revision.Should().Be(12);
        var items = (await reopened.ListAsync(new ListQuery("Widget"))).Items.Cast<Widget>().ToDictionary(w => w.Metadata.Name);
        items.Keys.Should().BeEquivalentTo("w1", "w2", "w3", "w4", "late");
        items["w3"].Spec.Size.Should().Be(103);
        items["w3"].Metadata.Generation.Should().Be(2);
    }

    [Fact]
    public async Task Checkpoints_truncate_the_log_and_the_store_keeps_working_across_reopens()
    {
        await using (var store = await OpenAsync(checkpointEvery: 10))
        {
            for (var i = 0; i < 60; i++) await store.PutAsync(Widget.Create($"w{i % 7}", size: i));
            await store.CheckpointAsync();
            await store.CheckpointAsync();
            store.CheckpointRevision.Should().Be(60);
            var act = () => WatchReader.TakeAsync(store.WatchAsync(new WatchQuery(), 5), 1);
            await act.Should().ThrowAsync<CompactedException>("the log before the checkpoint is gone and the window holds 3 revisions");
            for (var i = 60; i < 65; i++) await store.PutAsync(Widget.Create($"w{i % 7}", size: i));
        }

        await using var reopened = await OpenAsync(checkpointEvery: 10);

        reopened.Revision.Should().Be(65);
        (await reopened.ListAsync(new ListQuery("Widget"))).Items.Should().HaveCount(7);
        ((Widget)(await reopened.GetAsync(new ResourceKey("Widget", "default", "w1")))!).Spec.Size.Should().Be(64);
    }

    [Fact]
    public async Task A_watch_older_than_the_memory_window_is_served_from_the_log()
    {
        var store = await OpenAsync(checkpointEvery: long.MaxValue);
        for (var i = 0; i < 10; i++) await store.PutAsync(Widget.Create($"w{i}"));
        await AbandonWithoutCheckpointAsync(store);
        await using var reopened = await OpenAsync(checkpointEvery: long.MaxValue);
        await reopened.PutAsync(Widget.Create("after-reopen"));

        var events = await WatchReader.TakeAsync(reopened.WatchAsync(new WatchQuery("Widget"), 4), 7);

        events.Select(e => e.Revision).Should().Equal(5, 6, 7, 8, 9, 10, 11);
        events[0].Object.Metadata.Name.Should().Be("w4");
    }

    [Fact]
    public async Task A_store_whose_first_checkpoint_was_interrupted_is_rebuilt_from_the_whole_log()
    {
        var store = await OpenAsync(checkpointEvery: long.MaxValue);
        for (var i = 0; i < 5; i++) await store.PutAsync(Widget.Create($"w{i}", size: i));
        await store.CheckpointAsync();
        await store.PutAsync(Widget.Create("late"));
        await AbandonWithoutCheckpointAsync(store);
        // What a kill during the first checkpoint can leave: its metadata without its snapshot data.
        foreach (var snapshot in Directory.EnumerateFiles(Path.Combine(_directory, "checkpoints"), "snapshot.dat*", SearchOption.AllDirectories)) File.Delete(snapshot);

        for (var attempt = 0; attempt < 2; attempt++)
        {
            var reopened = await OpenAsync(checkpointEvery: long.MaxValue);
            reopened.Revision.Should().Be(6);
            (await reopened.ListAsync(new ListQuery("Widget"))).Items.Should().HaveCount(6);
            // Abandoned again without a new checkpoint: the interrupted one must not count as an older, good one.
            await AbandonWithoutCheckpointAsync(reopened);
        }
    }

    [Fact]
    public async Task Objects_that_do_not_fit_the_memory_budget_are_paged_to_disk_and_all_read_back_after_reopening()
    {
        const long memory = 64 * 1024;
        const int count = 3_000; // about 1.5 MB of objects: some 25 times the budget
        var color = new string('c', 400);
        await using (var store = await OpenAsync(checkpointEvery: 1_000, objectMemory: memory))
        {
            for (var i = 0; i < count; i++) await store.PutAsync(Widget.Create($"w{i}", color: color, size: i));
            for (var i = 0; i < count; i += 3) await store.PutAsync(Widget.Create($"w{i}", color: color, size: -i - 1));
            await store.DeleteAsync(new ResourceKey("Widget", "default", "w1"));
            await AbandonWithoutCheckpointAsync(store);
        }

        await using var reopened = await OpenAsync(checkpointEvery: 1_000, objectMemory: memory);

        reopened.Revision.Should().Be(count + count / 3 + 1);
        var listed = (await reopened.ListAsync(new ListQuery("Widget"))).Items.Cast<Widget>().ToDictionary(w => w.Metadata.Name);
        listed.Should().HaveCount(count - 1);
        for (var i = 0; i < count; i++)
        {
            var read = (Widget?)await reopened.GetAsync(new ResourceKey("Widget", "default", $"w{i}"));
            if (i == 1)
            {
                read.Should().BeNull();
                continue;
            }
            read!.Spec.Size.Should().Be(i % 3 == 0 ? -i - 1 : i, $"w{i}");
            read.Metadata.Generation.Should().Be(i % 3 == 0 ? 2 : 1, $"w{i}");
            listed[$"w{i}"].Spec.Size.Should().Be(read.Spec.Size);
        }
        var updated = await reopened.PutAsync(Widget.Create("w0", color: color, size: 0));
        updated.Metadata.Generation.Should().Be(3, "the index rebuilt from disk knows the spec digest and generation");
        var unchanged = await reopened.PutAsync(Widget.Create("w2", color: color, size: 2));
        unchanged.Metadata.Generation.Should().Be(1, "an identical spec keeps its generation after reopening");
    }

    private Task<FasterResourceStore> OpenAsync(long checkpointEvery = 100_000, long objectMemory = 1L << 24) => FasterResourceStore.OpenAsync(new FasterResourceStoreOptions
    {
        DataDirectory = _directory,
        CheckpointEveryRevisions = checkpointEvery,
        WatchWindowRevisions = 3,
        LogPageSizeBits = 16,
        ObjectMemoryBytes = objectMemory,
    }, _json);

    /// <summary>Closes the files the way a crash would leave them: no checkpoint on the way out.</summary>
    private static async Task AbandonWithoutCheckpointAsync(FasterResourceStore store)
    {
        store.SkipCheckpointOnDispose();
        await store.DisposeAsync();
    }
}
