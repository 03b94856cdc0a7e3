using Reconciler.Reconciliation;

namespace Reconciler.Examples.Greetings;

/// <summary>Writes a greeting's message to its file and reports Ready with the file's path.</summary>
public sealed class GreetingReconciler(GreetingFiles files) : IReconciler<Greeting>
{
    /// <inheritdoc />
    public async Task<ReconcileResult> ReconcileAsync(Greeting resource, ReconcileContext context, CancellationToken cancellationToken)
    {
        var path = files.PathOf(resource.Key);
        var current = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : null;
        if (current != resource.Spec.Message)
        {
            Directory.CreateDirectory(files.Directory);
            await File.WriteAllTextAsync(path, resource.Spec.Message, cancellationToken);
        }
        var ready = context.MarkReady(resource with { Status = resource.Status with { Path = path } }, "Written", $"The message is in {path}.");
        await context.UpdateStatusAsync(ready, cancellationToken);
        return ReconcileResult.Done;
    }
}
