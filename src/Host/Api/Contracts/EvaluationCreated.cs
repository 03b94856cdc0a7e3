namespace Reconciler.Host.Api.Contracts;

/// <summary>The answer of an action that creates an evaluation (scale, evaluate, stop, allocation stop, drain).</summary>
/// <param name="EvaluationId">The evaluation's name, for <c>recon eval status</c>; null when the action needed none.</param>
/// <param name="Index">The store index after the action.</param>
public sealed record EvaluationCreated(string? EvaluationId, long Index);
