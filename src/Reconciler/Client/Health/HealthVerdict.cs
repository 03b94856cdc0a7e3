namespace Reconciler.Client.Health;

/// <summary>An allocation's health as judged now, and when to look again.</summary>
/// <param name="Healthy">True healthy, false unhealthy, null not decided yet.</param>
/// <param name="NextCheckAt">When checks or the min healthy time next need a look; null when nothing waits.</param>
public sealed record HealthVerdict(bool? Healthy, DateTimeOffset? NextCheckAt);
