using System.Threading.Channels;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Cli.Remote;
using Reconciler.Host.Cli.Resources;
using Reconciler.Host.GitOps;

namespace Reconciler.Host.Cli.Up;

/// <summary>
/// Keeps the agent in step with a directory of manifests: applies them all, then again whenever a <c>.yaml</c> file
/// changes (objects whose file was removed stay until `recon delete`; an agent's <c>[gitops]</c> sync prunes them). An invalid edit is reported and changes nothing;
/// the next good save applies.
/// </summary>
public sealed class ManifestSync(ReconApiClient client, string directory, TextWriter log)
{
    /// <summary>Applies once; an error says what is wrong.</summary>
    public async Task<bool> ApplyAsync(CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.ApplyAsync(new ApplyRequest { Files = ManifestPaths.Read([directory]) }, cancellationToken);
            foreach (var change in response.Objects.Where(o => o.Action != ChangeActions.Unchanged))
                await log.WriteLineAsync($"==> {change.Key} {change.Action}");
            return true;
        }
        catch (CommandException e)
        {
            foreach (var line in e.DetailLines) await log.WriteLineAsync(line);
            await log.WriteLineAsync($"==> Not applied: {e.Message}");
            return false;
        }
    }

    /// <summary>Re-applies on every change under the directory until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task WatchAsync(CancellationToken cancellationToken)
    {
        var changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        using var watcher = new ManifestChangeWatcher(directory, () => changes.Writer.TryWrite(true));
        try
        {
            while (await changes.Reader.WaitToReadAsync(cancellationToken))
            {
                changes.Reader.TryRead(out _);
                await ApplyAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
