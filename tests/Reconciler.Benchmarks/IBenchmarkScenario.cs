using System.Text.Json.Nodes;

namespace Reconciler.Benchmarks;

/// <summary>One benchmark, selected by the first command-line argument.</summary>
public interface IBenchmarkScenario
{
    /// <summary>The name that selects it, e.g. <c>store</c>.</summary>
    string Name { get; }

    /// <summary>Runs the benchmark and returns its figures, printed as one JSON line.</summary>
    Task<JsonObject> RunAsync(string[] args);
}
