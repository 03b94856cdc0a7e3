using Reconciler.Resources.Diagnostics;

namespace Reconciler.Host.Cli.Validate;

/// <summary>What <c>recon validate</c> found: the files checked, what each holds, and every error.</summary>
public sealed class FileValidationReport
{
    private readonly List<(string File, IReadOnlyList<string> Contents)> _validFiles = [];
    private int _filesChecked;

    /// <summary>Every error found, in file order.</summary>
    public List<SourceError> Errors { get; } = [];

    /// <summary>True when no file had an error.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>Records one file's outcome.</summary>
    public void Add(string file, IReadOnlyList<SourceError> errors, IReadOnlyList<string> contents)
    {
        _filesChecked++;
        if (errors.Count == 0) _validFiles.Add((file, contents));
        else Errors.AddRange(errors);
    }

    /// <summary>Valid files go to <paramref name="output"/>; errors and the failure summary to <paramref name="error"/>.</summary>
    public void WriteTo(TextWriter output, TextWriter error)
    {
        foreach (var (file, contents) in _validFiles)
            output.WriteLine($"ok   {file}{(contents.Count > 0 ? $" ({string.Join(", ", contents)})" : "")}");
        foreach (var e in Errors) error.WriteLine(e.ToString());

        if (IsValid)
        {
            output.WriteLine($"{_filesChecked} {Plural(_filesChecked, "file")} valid");
            return;
        }
        var badFiles = Errors.Select(e => e.Source).Distinct().Count();
        error.WriteLine($"{Errors.Count} {Plural(Errors.Count, "error")} in {badFiles} of {Math.Max(_filesChecked, badFiles)} {Plural(_filesChecked, "file")}.");
    }

    private static string Plural(int n, string word) => n == 1 ? word : word + "s";
}
