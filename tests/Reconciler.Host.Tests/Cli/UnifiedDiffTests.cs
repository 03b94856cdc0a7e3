using Reconciler.Host.Cli.Diff;

namespace Reconciler.Host.Tests.Cli;

public class UnifiedDiffTests
{
    [Fact]
    public void Equal_texts_have_an_empty_diff() =>
        UnifiedDiff.Create("a\nb\n", "a\nb\n", "old", "new").Should().BeEmpty();

    [Fact]
    public void A_changed_line_shows_as_removed_then_added_with_three_lines_of_context()
    {
        var before = string.Join('\n', Enumerable.Range(1, 10).Select(i => $"line{i}"));
        var after = before.Replace("line5", "LINE5");

        UnifiedDiff.Create(before, after, "old", "new").Should().Be("""
            --- old
            +++ new
            @@ -2,7 +2,7 @@
             line2
             line3
             line4
            -line5
            +LINE5
             line6
             line7
             line8

            """);
    }

    [Fact]
    public void A_new_object_is_all_additions() =>
        UnifiedDiff.Create("", "a\nb\n", "old", "new").Should().Be("--- old\n+++ new\n@@ -0,0 +1,2 @@\n+a\n+b\n");

    [Fact]
    public void Changes_far_apart_get_hunks_of_their_own()
    {
        var before = string.Join('\n', Enumerable.Range(1, 20).Select(i => $"l{i}"));
        var after = before.Replace("l2\n", "x2\n").Replace("l19", "x19");

        UnifiedDiff.Create(before, after, "a", "b").Split('\n').Count(l => l.StartsWith("@@", StringComparison.Ordinal)).Should().Be(2);
    }
}
