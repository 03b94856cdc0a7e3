namespace Reconciler.Client;

/// <summary>A log or exec request named an allocation or task this client does not run (a caller's mistake: the API answers 404).</summary>
public sealed class AllocationAccessException(string message) : InvalidOperationException(message);
