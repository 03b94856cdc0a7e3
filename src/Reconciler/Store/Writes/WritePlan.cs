namespace Reconciler.Store.Writes;

/// <summary>
/// Everything one write or transaction will do, decided before anything is touched: the revision it
/// takes and its changes in order. Empty when nothing changes (e.g. deleting a missing object).
/// </summary>
internal sealed record WritePlan(long Revision, IReadOnlyList<PlannedChange> Changes)
{
    /// <summary>The watch events the plan produces, all at its revision.</summary>
    public WatchEvent[] ToEvents()
    {
        var events = new WatchEvent[Changes.Count];
        for (var i = 0; i < events.Length; i++) events[i] = new WatchEvent(Changes[i].Type, Changes[i].Object, Revision);
        return events;
    }
}
