using System.Text.Json.Serialization;

namespace Reconciler.Resources.Kinds;

/// <summary>What decides that an updated allocation is healthy.</summary>
public enum HealthCheckMode
{
    /// <summary>All tasks running and all service checks passing.</summary>
    Checks,
    /// <summary>All tasks running, checks ignored.</summary>
    [JsonStringEnumMemberName("task_states")]
    TaskStates,
    /// <summary>Health is set by an operator through the API.</summary>
    Manual,
}
