using Reconciler.Host.Api.Contracts;
using Reconciler.LeaderElection;
using Reconciler.Resources.Agent;

namespace Reconciler.Host.GitOps;

/// <summary>
/// The GitOps sync controller (<c>[gitops]</c>), leader-only work: syncs the directory at once, then every
/// <c>interval</c> and shortly after a manifest under it changes (<see cref="SyncTrigger"/>). Logs one line per sync
/// that changed something and one warning per new error, not one per interval.
/// </summary>
public sealed class GitOpsSync(GitOpsConfig config, DirectorySync sync, GitOpsState state, TimeProvider time, ILogger<GitOpsSync> logger) : ILeaderWork
{
    /// <summary>How long manifest changes must be quiet before they sync.</summary>
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);

    private readonly string _path = sync.Path;

    /// <inheritdoc />
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var trigger = new SyncTrigger(config.Interval, Debounce, time);
        ManifestChangeWatcher? watcher = null;
        state.SetLeading(true);
        try
        {
            while (true)
            {
                // Started again while missing: the directory may be checked out after the agent started.
                watcher ??= ManifestChangeWatcher.TryStart(_path, trigger.Changed);
                await SyncOnceAsync(cancellationToken);
                await trigger.WaitAsync(cancellationToken);
            }
        }
        finally
        {
            watcher?.Dispose();
            state.SetLeading(false);
        }
    }

    /// <summary>Syncs once, records the result in the status and logs it.</summary>
    public async Task<SyncResult> SyncOnceAsync(CancellationToken cancellationToken)
    {
        var result = await sync.SyncAsync(cancellationToken);
        var previousError = state.Record(result);
        if (result.Changed)
        {
            var applied = result.Applied!;
            logger.LogInformation("GitOps synced {Path} at {Revision}: {Applied} applied, {Pruned} pruned, {Objects} objects in the directory.",
                _path, applied.Revision.ToString(), applied.Applied, applied.Pruned, applied.Objects);
        }
        else if (result.Failed is { } error && !SameError(error, previousError))
        {
            logger.LogWarning("GitOps sync of {Path} at {Revision} applied nothing: {Error}", _path, error.Revision?.ToString() ?? "(unread)", error.Message);
        }
        else if (result.Applied is not null && previousError is not null)
        {
            logger.LogInformation("GitOps sync of {Path} applies again at {Revision}.", _path, result.Applied.Revision.ToString());
        }
        return result;
    }

    private static bool SameError(GitOpsError error, GitOpsError? previous) =>
        previous is not null && previous.Message == error.Message && previous.Details.SequenceEqual(error.Details);
}
