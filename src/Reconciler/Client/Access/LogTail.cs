namespace Reconciler.Client.Access;

/// <summary>Where the last N lines or bytes of a log begin.</summary>
public static class LogTail
{
    /// <summary>The offset in <paramref name="log"/> the tail begins at: the last <paramref name="lines"/> lines, then at most <paramref name="bytes"/> bytes.</summary>
    public static long Start(ReadOnlySpan<byte> log, int? lines, long? bytes)
    {
        var start = 0L;
        if (lines is { } wanted)
        {
            // A final newline ends the last line rather than beginning an empty one.
            var end = log.Length > 0 && log[^1] == (byte)'\n' ? log.Length - 1 : log.Length;
            var seen = 0;
            start = 0;
            for (var i = end - 1; i >= 0; i--)
            {
                if (log[i] != (byte)'\n') continue;
                if (++seen == wanted)
                {
                    start = i + 1;
                    break;
                }
            }
            if (wanted <= 0) start = log.Length;
        }
        if (bytes is { } most) start = Math.Max(start, log.Length - Math.Max(0, most));
        return start;
    }
}
