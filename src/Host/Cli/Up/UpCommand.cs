using System.CommandLine;
using System.Runtime.InteropServices;
using Reconciler.Host.Agent;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Cli.Jobs;
using Reconciler.Host.Cli.Remote;
using Reconciler.Resources.Agent;
using Reconciler.Resources.Kinds;

namespace Reconciler.Host.Cli.Up;

/// <summary>
/// <c>recon up [DIR]</c>: everything a newcomer needs in one command — a dev agent (server and client) in this process,
/// every manifest in DIR applied and re-applied on change, and a live table of the allocations. Ctrl-C stops the jobs
/// (their tasks end cleanly through the client), then the agent, and removes the throwaway state.
/// </summary>
public static class UpCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliSession session)
    {
        var dir = new Argument<string>("DIR") { Description = "The manifests to run (default manifests/examples).", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => Path.Combine("manifests", "examples") };
        var port = NomadFlag.Create<int?>("http-port", "The agent's HTTP port (default 4747; 0 picks a free one).");
        var command = new Command("up", "Run a dev agent with every manifest in DIR applied and kept in sync, showing live status.") { dir, port };
        command.SetAction(async (parse, ct) =>
        {
            var directory = parse.GetRequiredValue(dir);
            if (!Directory.Exists(directory)) throw new CommandException($"{directory}: no such directory; run `recon up DIR` with a directory of manifests.");
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
            using var state = new DevDataDirectory();
            var config = AgentConfig.Dev(state.Path) with { LogLevel = "WARN", Ports = new AgentPorts { Http = parse.GetValue(port) ?? new AgentPorts().Http } };
            await using var host = AgentHost.Create(config, dev: true, handleSignals: false);
            try
            {
                await host.StartAsync(ct);
            }
            catch (IOException e)
            {
                throw new CommandException($"cannot listen on 127.0.0.1:{config.Ports.Http}: {e.InnerException?.Message ?? e.Message} — stop the other agent or pass -http-port 0");
            }
            using var client = new ReconApiClient(new ConnectionSettings(host.Address, null, "default"));
            await session.Out.WriteLineAsync($"==> Dev agent at {host.Address} (RECON_ADDR={host.Address.ToString().TrimEnd('/')} for other recon commands); running {directory}");
            await AwaitNodeReadyAsync(client, stop.Token);
            var sync = new ManifestSync(client, directory, session.Out);
            await sync.ApplyAsync(stop.Token);
            await Task.WhenAll(sync.WatchAsync(stop.Token), new ClusterStatusView(client, session).ShowAsync(stop.Token));
            await session.Out.WriteLineAsync("==> Stopping the jobs");
            await StopJobsAsync(client);
            await session.Out.WriteLineAsync("==> Stopping the agent");
            return 0;
        });
        return command;
    }

    // Jobs applied before this machine's node is ready would wait for capacity; the client registers it in moments.
    private static async Task AwaitNodeReadyAsync(ReconApiClient client, CancellationToken cancellationToken)
    {
        for (long index = 0; ;)
        {
            var nodes = await client.GetAsync<ResourceList>($"/v1/nodes?index={index}&wait=10s", cancellationToken);
            if (Typed.All<Node>(nodes.Items).Any(n => n.Status.State == NodeState.Ready)) return;
            index = nodes.Index;
        }
    }

    // Stopping a job (a new version with stop: true) stops its allocations; wait until the client reports none running, so
    // the allocations show their tasks ended (the dev agent's client would otherwise kill them as it stops, unrecorded).
    private static async Task StopJobsAsync(ReconApiClient client)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var jobs = Typed.All<Job>((await client.GetAsync<ResourceList>("/v1/jobs?namespace=*", timeout.Token)).Items);
        foreach (var job in jobs)
            await client.DeleteAsync<EvaluationCreated>($"{JobRoute.Of(job.Metadata.Name)}?namespace={job.Metadata.Namespace}", timeout.Token);
        try
        {
            for (long index = 0; ;)
            {
                var left = await client.GetAsync<ResourceList>($"/v1/allocations?namespace=*&index={index}&wait=10s", timeout.Token);
                if (!Typed.All<Allocation>(left.Items).Any(a => a.Status.ClientStatus is AllocationClientStatus.Running or AllocationClientStatus.Pending)) return;
                index = left.Index;
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
        }
    }
}
