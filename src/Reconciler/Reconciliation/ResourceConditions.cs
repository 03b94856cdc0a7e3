using Reconciler.Resources.Model;

namespace Reconciler.Reconciliation;

/// <summary>
/// The three conditions every controller reports, after kstatus: <c>Ready</c> (converged), <c>Reconciling</c>
/// (working toward the spec) and <c>Stalled</c> (cannot make progress without help), each stamped with the
/// generation it describes. The helpers return copies; write them with <see cref="ReconcileContext.UpdateStatusAsync"/>.
/// </summary>
public static class ResourceConditions
{
    /// <summary>The object matches its spec.</summary>
    public const string Ready = "Ready";

    /// <summary>A controller is working toward the spec.</summary>
    public const string Reconciling = "Reconciling";

    /// <summary>A controller cannot make progress without a change from someone.</summary>
    public const string Stalled = "Stalled";

    /// <summary>The condition of <paramref name="type"/>, or null.</summary>
    public static Condition? Find(ResourceStatus status, string type) => status.Conditions.FirstOrDefault(c => c.Type == type);

    /// <summary>True when Ready is True for the object's current generation.</summary>
    public static bool IsReady(Resource resource) =>
        resource.UntypedStatus.ObservedGeneration == resource.Metadata.Generation
        && Find(resource.UntypedStatus, Ready)?.Status == ConditionStatus.True;

    /// <summary>
    /// Sets one condition, keeping its last transition time when its status does not change.
    /// </summary>
    public static TStatus WithCondition<TStatus>(this TStatus status, string type, ConditionStatus value, string reason, string message, DateTimeOffset now)
        where TStatus : ResourceStatus
    {
        var existing = Find(status, type);
        var condition = new Condition
        {
            Type = type,
            Status = value,
            Reason = reason,
            Message = message,
            LastTransitionTime = existing is not null && existing.Status == value ? existing.LastTransitionTime : now,
        };
        List<Condition> conditions = [.. status.Conditions.Where(c => c.Type != type), condition];
        conditions.Sort((a, b) => string.CompareOrdinal(a.Type, b.Type));
        // `with` on the base type clones the derived record, so the concrete status type survives.
        return (TStatus)((ResourceStatus)status with { Conditions = conditions });
    }

    /// <summary>Ready=True, Reconciling=False, Stalled=False, observed at the object's generation.</summary>
    public static T MarkReady<T>(T resource, string reason, string message, DateTimeOffset now) where T : Resource =>
        Mark(resource, now, (Ready, ConditionStatus.True), (Reconciling, ConditionStatus.False), (Stalled, ConditionStatus.False), reason, message);

    /// <summary>Reconciling=True, Ready=False, Stalled=False, observed at the object's generation.</summary>
    public static T MarkReconciling<T>(T resource, string reason, string message, DateTimeOffset now) where T : Resource =>
        Mark(resource, now, (Reconciling, ConditionStatus.True), (Ready, ConditionStatus.False), (Stalled, ConditionStatus.False), reason, message);

    /// <summary>Stalled=True, Ready=False, Reconciling=False, observed at the object's generation.</summary>
    public static T MarkStalled<T>(T resource, string reason, string message, DateTimeOffset now) where T : Resource =>
        Mark(resource, now, (Stalled, ConditionStatus.True), (Ready, ConditionStatus.False), (Reconciling, ConditionStatus.False), reason, message);

    private static T Mark<T>(T resource, DateTimeOffset now, (string Type, ConditionStatus Value) main,
        (string Type, ConditionStatus Value) second, (string Type, ConditionStatus Value) third, string reason, string message)
        where T : Resource
    {
        var status = (resource.UntypedStatus with { ObservedGeneration = resource.Metadata.Generation })
            .WithCondition(main.Type, main.Value, reason, message, now)
            .WithCondition(second.Type, second.Value, reason, message, now)
            .WithCondition(third.Type, third.Value, reason, message, now);
        return (T)resource.WithUntypedStatus(status);
    }
}
