using Reconciler.Resources.Diagnostics;

namespace Reconciler.Resources.Tests.Diagnostics;

public sealed class SpellingSuggestionTests
{
    private static readonly string[] TelemetryKeys =
        ["collection_interval", "disable_hostname", "prometheus_metrics", "publish_allocation_metrics", "publish_node_metrics"];

    private static readonly string[] UpdateFields = ["maxParallel", "stagger", "minHealthyTime", "healthyDeadline", "progressDeadline", "canary"];

    [Theory]
    [InlineData("maxParalel", "maxParallel")]
    [InlineData("max_parallel", "maxParallel")]
    [InlineData("MinHealthyTime", "minHealthyTime")]
    [InlineData("canery", "canary")]
    [InlineData("stager", "stagger")]
    public void A_close_misspelling_suggests_the_intended_name(string typed, string expected)
    {
        SpellingSuggestion.Closest(typed, UpdateFields).Should().Be(expected);
    }

    [Theory]
    [InlineData("colection_interval", "collection_interval")]
    [InlineData("prometheus_metircs", "prometheus_metrics")]
    [InlineData("publish_node_metric", "publish_node_metrics")]
    [InlineData("Disable_Hostname", "disable_hostname")]
    [InlineData("collectionInterval", "collection_interval")]
    public void A_misspelt_snake_case_config_key_suggests_the_intended_key(string typed, string expected)
    {
        SpellingSuggestion.Closest(typed, TelemetryKeys).Should().Be(expected);
    }

    [Theory]
    [InlineData("image")]
    [InlineData("x")]
    [InlineData("statsd_address")]
    public void A_name_far_from_every_candidate_suggests_nothing(string typed)
    {
        SpellingSuggestion.Hint(typed, UpdateFields).Should().BeNull();
    }

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("abc", "", 3)]
    [InlineData("abc", "acb", 1)]
    public void The_edit_distance_counts_insertions_deletions_substitutions_and_neighbour_swaps(string a, string b, int distance)
    {
        SpellingSuggestion.Distance(a, b).Should().Be(distance);
    }
}
