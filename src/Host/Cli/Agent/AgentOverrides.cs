namespace Reconciler.Host.Cli.Agent;

/// <summary>Agent flags that override the config file; null when not given.</summary>
/// <param name="BindAddr"><c>-bind</c>.</param>
/// <param name="HttpPort"><c>-http-port</c>.</param>
/// <param name="DataDir"><c>-data-dir</c>.</param>
public sealed record AgentOverrides(string? BindAddr, int? HttpPort, string? DataDir);
