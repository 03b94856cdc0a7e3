using Reconciler.Host.Agent;
using Reconciler.Resources.Agent;

namespace Reconciler.Host.Cli.Agent;

/// <summary>Resolves the agent's config from <c>-dev</c>, <c>-config</c> and the flags, runs it until it is asked to stop, and cleans up.</summary>
public static class AgentRun
{
    /// <summary>Runs the agent in the foreground; returns the exit code.</summary>
    public static async Task<int> RunAsync(CliSession session, bool dev, FileInfo? configFile, AgentOverrides overrides, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(overrides);
        using var devDirectory = dev && overrides.DataDir is null ? new DevDataDirectory() : null;
        var config = Resolve(dev, configFile, overrides, devDirectory?.Path);
        await using var host = Create(config, dev);
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            throw new CommandException($"cannot listen on {config.BindAddr}:{config.Ports.Http}: {e.InnerException?.Message ?? e.Message} — stop the other agent or choose another port with -http-port");
        }
        await session.Out.WriteLineAsync(Banner(config, dev, host.Address, devDirectory));
        await session.Out.FlushAsync(CancellationToken.None);
        await host.WaitForShutdownAsync(cancellationToken);
        await session.Out.WriteLineAsync("==> Shutting down");
        return 0;
    }

    private static AgentHost Create(AgentConfig config, bool dev)
    {
        try
        {
            return AgentHost.Create(config, dev);
        }
        catch (ArgumentException e)
        {
            throw new CommandException(e.Message);
        }
    }

    private static AgentConfig Resolve(bool dev, FileInfo? configFile, AgentOverrides overrides, string? devDataDir)
    {
        if (dev == (configFile is not null))
            throw new CommandException(dev
                ? "pass either -dev or -config, not both; -dev is a throwaway agent, -config a real one."
                : "pass -dev for a throwaway agent, or -config FILE.toml (see manifests/agent/) for a real one.");
        var config = dev ? AgentConfig.Dev(devDataDir ?? overrides.DataDir!) : Read(configFile!);
        return config with
        {
            BindAddr = overrides.BindAddr ?? config.BindAddr,
            Ports = config.Ports with { Http = overrides.HttpPort ?? config.Ports.Http },
            DataDir = overrides.DataDir ?? config.DataDir,
        };
    }

    private static AgentConfig Read(FileInfo file)
    {
        var read = AgentConfigReader.ReadFile(file.FullName);
        if (read.IsValid) return read.Config!;
        var count = read.Errors.Count;
        throw new CommandException($"{file.Name}: {count} {(count == 1 ? "problem" : "problems")} in the agent config; fix {(count == 1 ? "it" : "them")} and start again.",
            [.. read.Errors.Select(e => e.ToString())]);
    }

    private static string Banner(AgentConfig config, bool dev, Uri address, DevDataDirectory? devDirectory)
    {
        var roles = string.Join(", ", new[] { config.Server.Enabled ? "server" : null, config.Client.Enabled ? "client" : null }.OfType<string>());
        var state = devDirectory is not null ? $"{devDirectory.Path} (dev mode: removed on exit)"
            : config.Server.Enabled ? config.DataDir : $"{config.DataDir} (tasks); the store is the servers': {string.Join(", ", config.Client.Servers)}";
        return $"""
            ==> Reconciler agent started{(dev ? " in dev mode" : "")}! Ctrl-C to stop.
                API: {address.ToString().TrimEnd('/')}
              Roles: {roles}
              State: {state}
            """;
    }
}
