using System.CommandLine;
using Reconciler.Host.Agent;
using Reconciler.Resources.Agent;

namespace Reconciler.Host.Cli.Agent;

/// <summary>
/// <c>recon agent -dev</c> or <c>recon agent -config FILE.toml</c>: runs the agent in the foreground until Ctrl-C or
/// SIGTERM, as <c>nomad agent</c>. Flags override the config file; <c>-dev</c> keeps its state in a temporary
/// directory removed on exit.
/// </summary>
public static class AgentCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliSession session)
    {
        var dev = new Option<bool>("--dev", "-dev") { Description = "Server and client in one process, state in a temporary directory removed on exit." };
        var config = new Option<FileInfo?>("--config", "-config") { Description = "An agent config in TOML (Nomad's keys: data_dir, bind_addr, [server], [client], ...)." };
        var bind = new Option<string?>("--bind", "-bind") { Description = "The address to listen on (bind_addr); default 127.0.0.1." };
        var httpPort = new Option<int?>("--http-port", "-http-port") { Description = "The HTTP API port (ports.http); default 4747; 0 picks a free one." };
        var dataDir = new Option<string?>("--data-dir", "-data-dir") { Description = "Where the agent keeps its state (data_dir)." };
        var command = new Command("agent", "Run a Reconciler agent (server and/or client) with the HTTP API.") { dev, config, bind, httpPort, dataDir };
        command.SetAction(async (parse, ct) =>
        {
            var overrides = new AgentOverrides(parse.GetValue(bind), parse.GetValue(httpPort), parse.GetValue(dataDir));
            return await AgentRun.RunAsync(session, parse.GetValue(dev), parse.GetValue(config), overrides, ct);
        });
        return command;
    }
}
