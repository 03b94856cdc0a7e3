using Reconciler.Resources.Diagnostics;

namespace Reconciler.Resources.Tests.Diagnostics;

public sealed class SpellingSuggestionTests
{
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
    [InlineData("image")]
    [InlineData("x")]
    public void A_name_far_from_every_candidate_suggests_nothing(string typed)
    {
        SpellingSuggestion.Hint(typed, UpdateFields).Should().BeNull();
    }

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("abc", "", 3)]
    public void The_edit_distance_counts_insertions_deletions_and_substitutions(string a, string b, int distance)
    {
        SpellingSuggestion.Distance(a, b).Should().Be(distance);
    }
}
