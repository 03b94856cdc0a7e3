namespace Reconciler.Drivers.Processes;

/// <summary>The program a process task runs and its arguments.</summary>
public sealed record ProcessCommand(string Program, IReadOnlyList<string> Arguments);
