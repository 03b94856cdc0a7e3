using Reconciler.Hosting;
using Reconciler.Resources.Agent;

namespace Reconciler.Host.GitOps;

/// <summary>Adds the GitOps sync to a server's runtime.</summary>
public static class GitOpsRegistration
{
    /// <summary>
    /// With <c>[gitops] enabled</c>, runs <see cref="GitOpsSync"/> as leader-only work and serves its status
    /// (<see cref="GitOpsState"/>) to <c>GET /v1/gitops</c>; otherwise adds nothing.
    /// </summary>
    public static ReconcilerBuilder AddGitOps(this ReconcilerBuilder reconciler, GitOpsConfig config)
    {
        ArgumentNullException.ThrowIfNull(reconciler);
        ArgumentNullException.ThrowIfNull(config);
        if (!config.Enabled) return reconciler;
        reconciler.Services.AddSingleton(config);
        reconciler.Services.AddSingleton<GitOpsState>();
        reconciler.Services.AddSingleton<DirectorySync>();
        return reconciler.AddLeaderWork<GitOpsSync>();
    }
}
