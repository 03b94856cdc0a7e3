using System.Text;

using Reconciler.Client.Access;

namespace Reconciler.Tests.Client.Access;

public sealed class LogTailTests
{
    private static string Tail(string log, int? lines, long? bytes)
    {
        var data = Encoding.UTF8.GetBytes(log);
        return Encoding.UTF8.GetString(data.AsSpan((int)LogTail.Start(data, lines, bytes)));
    }

    [Fact]
    public void The_last_lines_are_kept_and_a_final_newline_does_not_count_as_a_line()
    {
        Tail("one\ntwo\nthree\nfour\n", lines: 2, bytes: null).Should().Be("three\nfour\n");
    }

    [Fact]
    public void A_last_line_without_a_newline_counts_as_a_line()
    {
        Tail("one\ntwo\nthree", lines: 2, bytes: null).Should().Be("two\nthree");
    }

    [Fact]
    public void Asking_for_more_lines_than_there_are_gives_the_whole_log()
    {
        Tail("one\ntwo\n", lines: 10, bytes: null).Should().Be("one\ntwo\n");
    }

    [Fact]
    public void Zero_lines_gives_nothing()
    {
        Tail("one\ntwo\n", lines: 0, bytes: null).Should().BeEmpty();
    }

    [Fact]
    public void The_last_bytes_are_kept()
    {
        Tail("one\ntwo\nthree\n", lines: null, bytes: 6).Should().Be("three\n");
    }

    [Fact]
    public void Bytes_further_limit_a_tail_by_lines()
    {
        Tail("one\ntwo\nthree\n", lines: 2, bytes: 4).Should().Be("ree\n");
        Tail("one\ntwo\nthree\n", lines: 1, bytes: 100).Should().Be("three\n");
    }

    [Fact]
    public void An_empty_log_has_an_empty_tail()
    {
        Tail("", lines: 3, bytes: 3).Should().BeEmpty();
    }
}
