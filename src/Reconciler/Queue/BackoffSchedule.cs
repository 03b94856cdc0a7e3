using Polly;
using Polly.Retry;

namespace Reconciler.Queue;

/// <summary>
/// The delays before each retry of a failing key, computed by a Polly retry strategy: by default exponential,
/// starting at 5 ms, doubling, capped at 5 minutes. Polly owns the arithmetic (backoff type, cap); the work
/// queue applies the schedule per key and resets it on success.
/// </summary>
public sealed class BackoffSchedule
{
    private const int MaxSteps = 64;
    private readonly TimeSpan[] _delays;

    /// <summary>Computes the schedule <paramref name="options"/> describe (jitter is not supported: a schedule is fixed).</summary>
    public BackoffSchedule(RetryStrategyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.UseJitter) throw new ArgumentException("A backoff schedule is precomputed per attempt; set UseJitter to false.", nameof(options));
        _delays = Compute(options);
    }

    /// <summary>The schedule every controller uses unless told otherwise: 5 ms, doubling, at most 5 minutes.</summary>
    public static BackoffSchedule Default { get; } = new(DefaultOptions());

    /// <summary>The delays in order; the last one repeats for every later failure.</summary>
    public IReadOnlyList<TimeSpan> Delays => _delays;

    /// <summary>Polly retry options for exponential backoff from 5 ms to 5 minutes, without jitter.</summary>
    public static RetryStrategyOptions DefaultOptions() => new()
    {
        BackoffType = DelayBackoffType.Exponential,
        Delay = TimeSpan.FromMilliseconds(5),
        MaxDelay = TimeSpan.FromMinutes(5),
        UseJitter = false,
    };

    /// <summary>The delay before the retry that follows failure number <paramref name="failures"/> (1 for the first).</summary>
    public TimeSpan DelayAfter(int failures) => _delays[Math.Clamp(failures - 1, 0, _delays.Length - 1)];

    private static TimeSpan[] Compute(RetryStrategyOptions source)
    {
        var delays = new List<TimeSpan>();
        var probe = new RetryStrategyOptions<bool>
        {
            BackoffType = source.BackoffType,
            Delay = source.Delay,
            MaxDelay = source.MaxDelay ?? TimeSpan.FromHours(1),
            UseJitter = false,
            MaxRetryAttempts = MaxSteps,
            ShouldHandle = args => args.Outcome.Result ? PredicateResult.False() : PredicateResult.True(),
            OnRetry = args =>
            {
                delays.Add(args.RetryDelay);
                return default;
            },
        };
        var pipeline = new ResiliencePipelineBuilder<bool> { TimeProvider = new ImmediateTimeProvider() }
            .AddRetry(probe)
            .Build();
        // Each "attempt" asks Polly for one more delay until the schedule stops growing.
        pipeline.Execute(() => delays.Count >= MaxSteps || (delays.Count >= 2 && delays[^1] == delays[^2]));
        if (delays.Count >= 2 && delays[^1] == delays[^2]) delays.RemoveAt(delays.Count - 1);
        return [.. delays];
    }
}
