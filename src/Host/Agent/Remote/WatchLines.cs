namespace Reconciler.Host.Agent.Remote;

/// <summary>
/// The lines of one watch response. <see cref="ReadAsync"/> returns null when the watch is over for this connection:
/// the server closed it, the connection broke, or it stayed silent past the allowed silence (servers send progress
/// lines while idle, so silence means a dead line). <see cref="EndReason"/> then says which.
/// </summary>
internal sealed class WatchLines(Stream stream, TimeSpan silence, TimeProvider time) : IDisposable
{
    private readonly StreamReader _reader = new(stream);

    /// <summary>Why the last <see cref="ReadAsync"/> returned null.</summary>
    public string EndReason { get; private set; } = "";

    /// <summary>The next non-empty line, or null when this connection's watch is over.</summary>
    public async Task<string?> ReadAsync(CancellationToken cancellationToken)
    {
        using var quiet = new CancellationTokenSource(silence, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(quiet.Token, cancellationToken);
        try
        {
            while (true)
            {
                var line = await _reader.ReadLineAsync(linked.Token).ConfigureAwait(false);
                if (line is null) return End("the server closed the stream");
                if (line.Length > 0) return line;
            }
        }
        catch (OperationCanceledException) when (quiet.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return End($"nothing heard for {silence.TotalSeconds:0}s");
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            return End(e.Message);
        }
    }

    public void Dispose() => _reader.Dispose();

    private string? End(string reason)
    {
        EndReason = reason;
        return null;
    }
}
