using Reconciler.Resources.Model;

namespace Reconciler.Evaluations;

/// <summary>
/// Hands out pending evaluations highest priority first (oldest first within a priority), never two of one job at
/// once: an evaluation of a job already being scheduled waits until that one is acknowledged. An evaluation enqueued
/// again while it is handed out (released from blocked just as its scheduling ended) is handed out again after its ack.
/// </summary>
public sealed class EvaluationBroker
{
    private readonly Lock _gate = new();
    private readonly PriorityQueue<Entry, (int, long)> _ready = new();
    private readonly Dictionary<string, Queue<Entry>> _waitingForJob = new(StringComparer.Ordinal);
    private readonly HashSet<ResourceKey> _known = [];
    private readonly HashSet<string> _busyJobs = new(StringComparer.Ordinal);
    private readonly Dictionary<ResourceKey, Entry> _handedOut = [];
    private readonly HashSet<ResourceKey> _again = [];
    private long _sequence;

    /// <summary>Evaluations known to the broker, waiting or handed out.</summary>
    public int Count
    {
        get { lock (_gate) return _known.Count; }
    }

    /// <summary>Adds a pending evaluation of <paramref name="job"/>; one already known is ignored.</summary>
    public void Enqueue(ResourceKey evaluation, string job, int priority)
    {
        lock (_gate)
        {
            if (!_known.Add(evaluation))
            {
                if (_handedOut.ContainsKey(evaluation)) _again.Add(evaluation);
                return;
            }
            var entry = new Entry(evaluation, job, priority, _sequence++);
            if (_busyJobs.Contains(job)) WaitingFor(job).Enqueue(entry);
            else _ready.Enqueue(entry, (-priority, entry.Sequence));
        }
    }

    /// <summary>Takes the next evaluation to schedule; false when none is ready.</summary>
    public bool TryDequeue(out ResourceKey evaluation)
    {
        lock (_gate)
        {
            while (_ready.TryDequeue(out var entry, out _))
            {
                if (_busyJobs.Contains(entry.Job))
                {
                    WaitingFor(entry.Job).Enqueue(entry);
                    continue;
                }
                _busyJobs.Add(entry.Job);
                _handedOut[entry.Evaluation] = entry;
                evaluation = entry.Evaluation;
                return true;
            }
            evaluation = default;
            return false;
        }
    }

    /// <summary>Marks <paramref name="evaluation"/> of <paramref name="job"/> done, releasing the job's next evaluation.</summary>
    public void Ack(ResourceKey evaluation, string job)
    {
        lock (_gate)
        {
            _busyJobs.Remove(job);
            _handedOut.Remove(evaluation, out var acked);
            if (_again.Remove(evaluation) && acked is not null)
                _ready.Enqueue(acked with { Sequence = _sequence++ }, (-acked.Priority, _sequence - 1));
            else _known.Remove(evaluation);
            if (_waitingForJob.TryGetValue(job, out var waiting) && waiting.TryDequeue(out var next))
                _ready.Enqueue(next, (-next.Priority, next.Sequence));
            if (waiting is { Count: 0 }) _waitingForJob.Remove(job);
        }
    }

    private Queue<Entry> WaitingFor(string job)
    {
        if (!_waitingForJob.TryGetValue(job, out var queue)) _waitingForJob[job] = queue = new Queue<Entry>();
        return queue;
    }

    private sealed record Entry(ResourceKey Evaluation, string Job, int Priority, long Sequence);
}
