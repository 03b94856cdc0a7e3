using Reconciler.Reconciliation;

namespace Reconciler.Examples.Greetings;

/// <summary>Removes a greeting's file before the greeting goes away.</summary>
public sealed class GreetingFileFinalizer(GreetingFiles files) : IFinalizer<Greeting>
{
    /// <summary>The finalizer name the greeting controller puts on every greeting.</summary>
    public const string Name = "greetings.example/file";

    /// <inheritdoc />
    public Task<ReconcileResult> FinalizeAsync(Greeting resource, ReconcileContext context, CancellationToken cancellationToken)
    {
        File.Delete(files.PathOf(resource.Key));
        return Task.FromResult(ReconcileResult.Done);
    }
}
