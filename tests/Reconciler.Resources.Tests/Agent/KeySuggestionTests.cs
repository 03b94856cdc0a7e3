using Reconciler.Resources.Agent;

namespace Reconciler.Resources.Tests.Agent;

public sealed class KeySuggestionTests
{
    private static readonly string[] TelemetryKeys =
        ["collection_interval", "disable_hostname", "prometheus_metrics", "publish_allocation_metrics", "publish_node_metrics"];

    [Theory]
    [InlineData("colection_interval", "collection_interval")]
    [InlineData("prometheus_metircs", "prometheus_metrics")]
    [InlineData("publish_node_metric", "publish_node_metrics")]
    [InlineData("Disable_Hostname", "disable_hostname")]
    public void A_typo_suggests_the_key_it_was_meant_to_be(string typed, string expected)
    {
        KeySuggestion.Closest(typed, TelemetryKeys).Should().Be(expected);
    }

    [Theory]
    [InlineData("statsd_address")]
    [InlineData("x")]
    public void A_key_unlike_every_known_one_suggests_nothing(string typed)
    {
        KeySuggestion.Closest(typed, TelemetryKeys).Should().BeNull();
    }

    [Theory]
    [InlineData("abc", "abc", 0)]
    [InlineData("abc", "acb", 1)]
    [InlineData("abc", "ab", 1)]
    [InlineData("kitten", "sitting", 3)]
    public void The_distance_counts_a_swap_of_neighbours_as_one_edit(string a, string b, int distance)
    {
        KeySuggestion.Distance(a, b).Should().Be(distance);
    }
}
