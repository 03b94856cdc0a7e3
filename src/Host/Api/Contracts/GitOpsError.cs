namespace Reconciler.Host.Api.Contracts;

/// <summary>Why a GitOps sync applied nothing.</summary>
/// <param name="At">When the sync was attempted.</param>
/// <param name="Revision">The revision it read, when the directory could be read.</param>
/// <param name="Message">One line: what is wrong and what to do.</param>
/// <param name="Details">Every manifest error as <c>file:line:column: resource: field: message</c>, relative to the directory.</param>
public sealed record GitOpsError(DateTimeOffset At, GitOpsRevision? Revision, string Message, IReadOnlyList<string> Details);
