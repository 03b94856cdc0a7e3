namespace Reconciler.Drivers.Logs;

/// <summary>
/// The files of one output stream of one task: <c>DIR/TASK.stdout.0</c>, <c>.1</c>, … — the
/// highest index is the one being written, lower ones are full, and the oldest are deleted.
/// </summary>
public sealed record TaskLogFileSet(string Directory, string TaskName, TaskLogStream Stream)
{
    private string Prefix => $"{TaskName}.{Stream.ToString().ToLowerInvariant()}.";

    /// <summary>The path of the file with the given index.</summary>
    public string PathOf(int index) => Path.Combine(Directory, Prefix + index);

    /// <summary>The indexes of the files that exist, lowest first.</summary>
    public IReadOnlyList<int> ExistingIndexes()
    {
        if (!System.IO.Directory.Exists(Directory)) return [];
        var indexes = new List<int>();
        foreach (var path in System.IO.Directory.EnumerateFiles(Directory, Prefix + "*"))
        {
            if (int.TryParse(Path.GetFileName(path).AsSpan(Prefix.Length), out var index) && index >= 0)
                indexes.Add(index);
        }
        indexes.Sort();
        return indexes;
    }
}
