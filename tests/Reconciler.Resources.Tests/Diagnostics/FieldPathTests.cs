using Reconciler.Resources.Diagnostics;

namespace Reconciler.Resources.Tests.Diagnostics;

public sealed class FieldPathTests
{
    [Fact]
    public void Paths_are_built_with_dots_for_fields_and_brackets_for_items()
    {
        var path = FieldPath.Child(FieldPath.Index(FieldPath.Child(FieldPath.Child("", "spec"), "groups"), 0), "count");

        path.Should().Be("spec.groups[0].count");
    }

    [Theory]
    [InlineData("spec.groups[0].tasks[1].resources.memoryMB", "spec.groups[0].tasks[1].resources", "memoryMB")]
    [InlineData("spec.groups[0]", "spec.groups", "[0]")]
    [InlineData("spec", "", "spec")]
    public void A_path_splits_into_its_parent_and_its_last_segment(string path, string parent, string leaf)
    {
        FieldPath.Parent(path).Should().Be(parent);
        FieldPath.Leaf(path).Should().Be(leaf);
    }

    [Fact]
    public void The_root_path_has_no_parent()
    {
        FieldPath.Parent("").Should().BeNull();
    }
}
