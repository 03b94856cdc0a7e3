namespace Reconciler.Tests.Shared;

/// <summary>Finds files of the repository from the test assembly's directory, wherever the tests run.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Reconciler.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No Reconciler.sln above {AppContext.BaseDirectory}; the tests must run inside the repository.");
    }
}
