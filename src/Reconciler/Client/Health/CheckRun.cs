using Reconciler.Resources.Kinds;

namespace Reconciler.Client.Health;

/// <summary>One run of one service check.</summary>
/// <param name="Name">The check's name.</param>
/// <param name="Kind">How it probes.</param>
/// <param name="Failure">Why it failed; null when it passed.</param>
public sealed record CheckRun(string Name, CheckType Kind, string? Failure);
