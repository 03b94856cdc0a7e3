using System.Text;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;
using Reconciler.Store;
using Reconciler.Store.Snapshots;

namespace Reconciler.Tests.Store;

/// <summary>Snapshots: save, inspect without a store, restore, and refusing damaged files.</summary>
public abstract class SnapshotContract<TFactory> : StoreContract<TFactory> where TFactory : IStoreFactory, new()
{
    private const string SecretValue = "hunter2-do-not-print";

    [Fact]
    public async Task A_saved_snapshot_inspects_to_its_revision_and_counts_without_revealing_content()
    {
        var store = await CreateStoreAsync();
        await FillAsync(store);
        var file = new MemoryStream();

        var saved = await store.SaveSnapshotAsync(file);
        file.Position = 0;
        var inspected = await SnapshotFile.InspectAsync(file);

        inspected.Should().BeEquivalentTo(saved);
        inspected.Revision.Should().Be(3);
        inspected.FormatVersion.Should().Be(SnapshotFile.FormatVersion);
        inspected.CreatedAt.Should().Be(Clock.GetUtcNow());
        inspected.SizeBytes.Should().Be(file.Length);
        inspected.CountsByKind.Should().BeEquivalentTo(new Dictionary<string, int> { ["Widget"] = 2, ["Namespace"] = 1 });
        inspected.ToString().Should().NotContain(SecretValue);
    }

    [Fact]
    public async Task A_restore_replaces_the_content_as_one_new_revision_that_watchers_see()
    {
        var source = await CreateStoreAsync();
        await FillAsync(source);
        var original = (Widget)(await source.GetAsync(new ResourceKey("Widget", "default", "a")))!;
        var file = new MemoryStream();
        await source.SaveSnapshotAsync(file);

        var target = await CreateStoreAsync();
        for (var i = 0; i < 5; i++) await target.PutAsync(Widget.Create("a", size: i));
        await target.PutAsync(Widget.Create("only-in-target"));
        var watch = TakeAsync(target.WatchAsync(new WatchQuery(), target.Revision), 4);
        file.Position = 0;

        var info = await target.RestoreSnapshotAsync(file);

        info.Revision.Should().Be(3);
        target.Revision.Should().Be(7, "a restore is one new revision after the current one, never a step back");
        var restored = (Widget)(await target.GetAsync(original.Key))!;
        restored.Spec.Should().Be(original.Spec);
        restored.Metadata.Uid.Should().Be(original.Metadata.Uid);
        restored.Metadata.ResourceVersion.Should().Be(7);
        (await target.GetAsync(new ResourceKey("Widget", "default", "only-in-target"))).Should().BeNull();
        (await target.ListAsync(new ListQuery("Namespace"))).Items.Should().ContainSingle();
        var events = await watch;
        events.Should().OnlyContain(e => e.Revision == 7);
        events.Select(e => (e.Type, e.Object.Metadata.Name)).Should().BeEquivalentTo(new[]
        {
            (WatchEventType.Modified, "a"), (WatchEventType.Added, "b"), (WatchEventType.Added, "prod"), (WatchEventType.Deleted, "only-in-target"),
        });
    }

    [Fact]
    public async Task A_snapshot_with_any_flipped_byte_is_refused_and_changes_nothing()
    {
        var store = await CreateStoreAsync();
        await FillAsync(store);
        var bytes = await SaveAsync(store);
        await store.PutAsync(Widget.Create("after-save"));
        var before = await DescribeAsync(store);

        foreach (var position in new[] { 0, 9, 14, 40, bytes.Length / 2, bytes.Length - 40, bytes.Length - 1 })
        {
            var corrupt = (byte[])bytes.Clone();
            corrupt[position] ^= 0x20;

            var act = () => store.RestoreSnapshotAsync(new MemoryStream(corrupt)).AsTask();
            var inspect = () => SnapshotFile.InspectAsync(new MemoryStream(corrupt)).AsTask();

            (await act.Should().ThrowAsync<SnapshotFormatException>($"byte {position} was flipped")).Which.Message.Should().NotContain(SecretValue);
            await inspect.Should().ThrowAsync<SnapshotFormatException>();
        }
        (await DescribeAsync(store)).Should().Be(before);
    }

    [Fact]
    public async Task A_truncated_snapshot_is_refused_and_changes_nothing()
    {
        var store = await CreateStoreAsync();
        await FillAsync(store);
        var bytes = await SaveAsync(store);
        var before = await DescribeAsync(store);

        foreach (var length in new[] { 0, 10, 40, bytes.Length / 2, bytes.Length - 1 })
        {
            var act = () => store.RestoreSnapshotAsync(new MemoryStream(bytes, 0, length)).AsTask();

            (await act.Should().ThrowAsync<SnapshotFormatException>($"the file was cut to {length} bytes")).WithMessage("*truncated*");
        }
        (await DescribeAsync(store)).Should().Be(before);
    }

    private static async Task FillAsync(IResourceStore store)
    {
        await store.PutAsync(Widget.Create("a", color: SecretValue));
        await store.PutAsync(Widget.Create("b"));
        await store.PutAsync(new Namespace { Metadata = new ObjectMeta { Name = "prod" } });
    }

    private static async Task<byte[]> SaveAsync(IResourceStore store)
    {
        var file = new MemoryStream();
        await store.SaveSnapshotAsync(file);
        return file.ToArray();
    }

    private async Task<string> DescribeAsync(IResourceStore store)
    {
        var text = new StringBuilder().Append(store.Revision).Append(';');
        foreach (var kind in new[] { "Widget", "Namespace" })
            foreach (var item in (await store.ListAsync(new ListQuery(kind))).Items.OrderBy(i => i.Metadata.Name))
                text.Append(Encoding.UTF8.GetString(Json.Serialize(item))).Append(';');
        return text.ToString();
    }
}
