using Microsoft.Extensions.Logging;

using Reconciler.Clients;
using Reconciler.LeaderElection;
using Reconciler.Resources.Manifests;

namespace Reconciler.Examples.Greetings;

/// <summary>At start (as leader), applies every <c>*.yaml</c> manifest of a directory; invalid files are logged, not applied.</summary>
public sealed class ManifestDirectoryApplier(ManifestSource source, ManifestReader reader, ResourceClient client, ILogger<ManifestDirectoryApplier> logger) : ILeaderWork
{
    private readonly TaskCompletionSource<int> _applied = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the number of objects applied (0 when the directory was missing or invalid).</summary>
    public Task<int> Applied => _applied.Task;

    /// <inheritdoc />
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            _applied.TrySetResult(await ApplyAsync(cancellationToken));
        }
        catch (Exception error)
        {
            _applied.TrySetException(error);
            throw;
        }
    }

    private async Task<int> ApplyAsync(CancellationToken cancellationToken)
    {
        if (source.Directory is null || !Directory.Exists(source.Directory)) return 0;
        var read = ManifestReadResult.Combine(Directory.GetFiles(source.Directory, "*.yaml").Order().Select(reader.ReadFile));
        foreach (var error in read.Errors) logger.LogError("{Error}", error);
        if (!read.IsValid) return 0;
        foreach (var resource in read.Resources) await client.ApplyAsync(resource, cancellationToken);
        logger.LogInformation("Applied {Count} manifests from {Directory}.", read.Resources.Count, source.Directory);
        return read.Resources.Count;
    }
}

/// <summary>The directory <see cref="ManifestDirectoryApplier"/> reads; null for none.</summary>
public sealed record ManifestSource(string? Directory);
