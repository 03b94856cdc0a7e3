using Reconciler.Resources.Validation;

namespace Reconciler.Resources.Tests.Validation;

public sealed class DerivedNameTests
{
    [Fact]
    public void A_short_name_and_its_suffix_are_joined_as_they_are() =>
        ResourceNames.Derive("web", "v2").Should().Be("web-v2");

    [Theory]
    [InlineData("v2")]
    [InlineData("v2-blocked")]
    [InlineData("reschedule-1795560000000")]
    public void A_long_name_is_cut_to_keep_the_name_rule_and_still_ends_with_the_suffix(string suffix)
    {
        var job = new string('a', 60) + "-b";

        var derived = ResourceNames.Derive(job, suffix);

        derived.Length.Should().BeLessThanOrEqualTo(ResourceNames.MaxLength);
        ResourceNames.IsValid(derived).Should().BeTrue(derived);
        derived.Should().StartWith("aaaa").And.EndWith("-" + suffix);
    }

    [Fact]
    public void Two_long_names_that_share_their_beginning_derive_different_names()
    {
        var prefix = new string('x', 62);

        ResourceNames.Derive(prefix + "1", "v1").Should().NotBe(ResourceNames.Derive(prefix + "2", "v1"));
        ResourceNames.Derive(prefix + "1", "v1").Should().Be(ResourceNames.Derive(prefix + "1", "v1"));
    }
}
