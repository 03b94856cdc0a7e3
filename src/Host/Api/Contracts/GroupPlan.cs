namespace Reconciler.Host.Api.Contracts;

/// <summary>What a plan would do to one task group's allocations.</summary>
public sealed record GroupPlan(string Name, int Place, int Stop, int InPlaceUpdate, int DestructiveUpdate, int Migrate, int Ignore);
