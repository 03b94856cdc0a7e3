namespace Reconciler.Host.Api.Contracts;

/// <summary>One sync of the GitOps directory that applied.</summary>
/// <param name="At">When it applied.</param>
/// <param name="Revision">The revision of the directory it applied.</param>
/// <param name="Objects">How many objects the directory holds.</param>
/// <param name="Applied">How many objects it created or configured (drift corrected included).</param>
/// <param name="Pruned">How many objects it deleted because they left the directory.</param>
/// <param name="Changes">The objects it wrote, each with what it did; unchanged ones are left out.</param>
public sealed record GitOpsSyncSummary(DateTimeOffset At, GitOpsRevision Revision, int Objects, int Applied, int Pruned, IReadOnlyList<ObjectChange> Changes);
