using Reconciler.Resources.Model;
using Reconciler.Store;

namespace Reconciler.Tests.Store;

/// <summary>Transactions: all operations under one revision, or none at all.</summary>
public abstract class TransactionContract<TFactory> : StoreContract<TFactory> where TFactory : IStoreFactory, new()
{
    [Fact]
    public async Task A_transaction_applies_every_operation_under_one_revision()
    {
        var store = await CreateStoreAsync();
        var doomed = await store.PutAsync(Widget.Create("doomed"));

        var result = await store.CommitAsync(new StoreTransaction()
            .Put(Widget.Create("a"), expectedRevision: 0)
            .Put(Widget.Create("b"))
            .Delete(doomed.Key, doomed.Metadata.ResourceVersion));

        result.Revision.Should().Be(2);
        result.Written.Should().HaveCount(3).And.OnlyContain(r => r.Metadata.ResourceVersion == 2);
        store.Revision.Should().Be(2);
        (await store.ListAsync(new ListQuery("Widget"))).Items.Select(i => i.Metadata.Name).Should().BeEquivalentTo("a", "b");
    }

    [Fact]
    public async Task A_transaction_with_one_failed_expectation_writes_nothing()
    {
        var store = await CreateStoreAsync();
        await store.PutAsync(Widget.Create("existing"));

        var act = () => store.CommitAsync(new StoreTransaction()
            .Put(Widget.Create("a"))
            .Delete(new ResourceKey("Widget", "default", "existing"))
            .Put(Widget.Create("missing"), expectedRevision: 5)).AsTask();

        await act.Should().ThrowAsync<ConflictException>();
        store.Revision.Should().Be(1);
        (await store.GetAsync(new ResourceKey("Widget", "default", "a"))).Should().BeNull();
        ((Widget)(await store.GetAsync(new ResourceKey("Widget", "default", "existing")))!).Spec.Color.Should().Be("red");
        var next = await store.PutAsync(Widget.Create("after"));
        next.Metadata.ResourceVersion.Should().Be(2, "a failed transaction takes no revision");
    }

    [Fact]
    public async Task Later_operations_of_a_transaction_see_earlier_ones()
    {
        var store = await CreateStoreAsync();

        var result = await store.CommitAsync(new StoreTransaction()
            .Put(Widget.Create("a"), expectedRevision: 0)
            .Put(Widget.Create("a", color: "blue"), expectedRevision: 1));

        result.Written.Last().Metadata.Generation.Should().Be(2);
        ((Widget)(await store.GetAsync(new ResourceKey("Widget", "default", "a")))!).Spec.Color.Should().Be("blue");
    }

    [Fact]
    public async Task An_empty_transaction_takes_no_revision()
    {
        var store = await CreateStoreAsync();

        var result = await store.CommitAsync(new StoreTransaction());

        result.Written.Should().BeEmpty();
        store.Revision.Should().Be(0);
    }
}
