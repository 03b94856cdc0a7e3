namespace Reconciler.Store.Writes;

/// <summary>
/// Makes write plans durable before they are applied and acknowledged. Plans are appended in revision
/// order; the log reports, through the callback given to <see cref="Start"/>, the position up to which
/// everything appended is durable.
/// </summary>
internal interface IWriteAheadLog : IAsyncDisposable
{
    /// <summary>Begins reporting durable positions to <paramref name="onDurable"/> (exclusive upper bound).</summary>
    void Start(Action<long> onDurable, Action<Exception> onFailed);

    /// <summary>Appends a plan; called in revision order under the sequencer's lock. Returns the plan's position.</summary>
    long Append(WritePlan plan);

    /// <summary>Asks for everything appended so far to be made durable; returns at once.</summary>
    void RequestCommit();
}
