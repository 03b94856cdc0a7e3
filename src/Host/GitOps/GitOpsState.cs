using Reconciler.Host.Api.Contracts;
using Reconciler.Resources.Agent;

namespace Reconciler.Host.GitOps;

/// <summary>The GitOps sync's status as <c>GET /v1/gitops</c> answers it, updated after every sync.</summary>
public sealed class GitOpsState(GitOpsConfig config)
{
    private readonly Lock _gate = new();
    private GitOpsStatus _status = new(true, config.Path, config.Prune, config.Interval);

    /// <summary>The status now.</summary>
    public GitOpsStatus Current
    {
        get
        {
            lock (_gate) return _status;
        }
    }

    /// <summary>Notes whether this agent leads (and so syncs).</summary>
    public void SetLeading(bool leading)
    {
        lock (_gate) _status = _status with { Leading = leading };
    }

    /// <summary>Records one sync; returns the error the status held before it.</summary>
    public GitOpsError? Record(SyncResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        lock (_gate)
        {
            var previous = _status.LastError;
            _status = result.Applied is { } applied
                ? _status with { LastSync = applied, LastChange = result.Changed ? applied : _status.LastChange, LastError = null }
                : _status with { LastError = result.Failed };
            return previous;
        }
    }
}
