using Reconciler.Host.Api.Apply;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Api.Errors;
using Reconciler.Resources.Agent;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;

namespace Reconciler.Host.GitOps;

/// <summary>
/// One sync of the GitOps directory: read every manifest with the API's strict reader (<see cref="ManifestSet"/>),
/// mark each object (<see cref="GitOpsMarks"/>) and put objects naming no namespace in <c>[gitops] namespace</c>,
/// then apply them all in one transaction through <see cref="ManifestApplier"/>, as <c>/v1/apply</c> does: what
/// changed in the directory is configured, what someone changed through the API is set back, and with
/// <c>prune</c> what the sync applied earlier and left the directory is deleted. Any error and nothing is applied.
/// </summary>
public sealed class DirectorySync(GitOpsConfig config, ManifestSet manifests, ManifestApplier applier, TimeProvider time)
{
    private readonly string _path = config.Path ?? throw new ArgumentException("[gitops] has no path.", nameof(config));

    /// <summary>The directory it syncs (<c>[gitops] path</c>).</summary>
    public string Path => _path;

    /// <summary>Reads and applies the directory once.</summary>
    public async Task<SyncResult> SyncAsync(CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        ManifestDirectory directory;
        try
        {
            directory = ManifestDirectory.Read(_path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(at, null, $"Cannot read the manifests: {e.Message}");
        }

        var read = manifests.ReadAll(directory.Files, Prepare(directory.Files));
        if (!read.IsValid)
            return Failed(at, directory.Revision, InvalidManifest.Of(read.Errors, "nothing of this revision was applied; fix the files and the next sync applies").Message,
                [.. read.Errors.Select(e => e.ToString())]);
        try
        {
            var applied = await applier.ApplyAsync(read.Resources, config.Prune ? GitOpsMarks.Selector : null, dryRun: false, cancellationToken,
                plan => RefuseEmptyPrune(read.Resources.Count, plan));
            var changes = applied.Plan.Changes.Where(c => c.Writes).Select(c => new ObjectChange(c.Key.ToString(), c.Action)).ToList();
            return new SyncResult(new GitOpsSyncSummary(at, directory.Revision, read.Resources.Count,
                changes.Count(c => c.Action is ChangeActions.Created or ChangeActions.Configured),
                changes.Count(c => c.Action == ChangeActions.Pruned), changes), null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A missing namespace, a conflict that outlasted the retries: the API's messages, which never quote a secret.
            return Failed(at, directory.Revision, $"Nothing of this revision was applied: {e.Message}");
        }
    }

    // An emptied directory pruning everything the sync made is refused unless allow_empty says it is meant.
    private void RefuseEmptyPrune(int manifests, ApplyPlan plan)
    {
        if (config.AllowEmpty || manifests > 0) return;
        var pruned = plan.Changes.Count(c => c.Writes);
        if (pruned > 0)
            throw new InvalidOperationException($"The directory {_path} holds no manifests, and pruning would delete all {pruned} objects the sync manages. " +
                "Check the checkout; if emptying the cluster is meant, set allow_empty = true in [gitops].");
    }

    private Func<ManifestFile, Resource, Resource> Prepare(IReadOnlyList<ManifestFile> files)
    {
        var unnamed = config.Namespace == ObjectMeta.DefaultNamespace
            ? null
            : files.ToDictionary(f => f.Name, f => UnnamedNamespaces.In(f.Content));
        return (file, resource) =>
        {
            if (unnamed is not null && !KindInfo.Of(resource.GetType()).ClusterScoped && unnamed[file.Name].Contains((resource.Kind, resource.Metadata.Name)))
                resource = resource.WithMetadata(resource.Metadata with { Namespace = config.Namespace });
            return GitOpsMarks.Mark(resource, file.Name);
        };
    }

    private static SyncResult Failed(DateTimeOffset at, GitOpsRevision? revision, string message, IReadOnlyList<string>? details = null) =>
        new(null, new GitOpsError(at, revision, message, details ?? []));
}
