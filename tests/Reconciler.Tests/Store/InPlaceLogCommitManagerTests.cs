using Reconciler.Store.Faster;

namespace Reconciler.Tests.Store;

/// <summary>FasterLog commit metadata kept in two slots of one file, written in place.</summary>
public sealed class InPlaceLogCommitManagerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("reconciler-commit-test-").FullName;

    private string CommitFile => Path.Combine(_directory, "changes.commit");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void The_newest_metadata_is_listed_first_after_reopening()
    {
        using (var manager = new InPlaceLogCommitManager(CommitFile))
        {
            manager.Commit(64, 100, [1, 2, 3], commitNum: 1, forceWriteMetadata: true);
            manager.Commit(64, 200, [4, 5], commitNum: 2, forceWriteMetadata: true);
            manager.Commit(64, 300, [6], commitNum: 3, forceWriteMetadata: true);
        }

        using var reopened = new InPlaceLogCommitManager(CommitFile);

        reopened.ListCommits().Should().Equal(3, 2);
        reopened.GetCommitMetadata(3).Should().Equal(6);
        reopened.GetCommitMetadata(2).Should().Equal(4, 5);
        new FileInfo(CommitFile).Length.Should().Be(2 * InPlaceLogCommitManager.SlotSize, "the file is written in place, never grown");
    }

    [Fact]
    public void A_torn_newest_slot_falls_back_to_the_other_one()
    {
        using (var manager = new InPlaceLogCommitManager(CommitFile))
        {
            manager.Commit(64, 100, [1, 2, 3], commitNum: 1, forceWriteMetadata: true); // slot 0
            manager.Commit(64, 200, [4, 5, 6], commitNum: 2, forceWriteMetadata: true); // slot 1
        }
        using (var file = File.OpenHandle(CommitFile, FileMode.Open, FileAccess.Write))
            RandomAccess.Write(file, new byte[] { 0xFF, 0xFF }, InPlaceLogCommitManager.SlotSize + 30); // a half-written metadata body

        using var reopened = new InPlaceLogCommitManager(CommitFile);

        reopened.ListCommits().Should().Equal(1);
        reopened.GetCommitMetadata(1).Should().Equal(1, 2, 3);
        reopened.Commit(64, 300, [7], commitNum: 3, forceWriteMetadata: true);
        reopened.ListCommits().Should().Equal([3L, 1L], "the next write goes to the slot that did not hold the newest valid metadata");
    }

    [Fact]
    public void Unforced_commits_write_metadata_only_when_the_begin_address_moves_or_after_many_commits()
    {
        using var manager = new InPlaceLogCommitManager(CommitFile);

        manager.Commit(64, 100, [1], commitNum: 1, forceWriteMetadata: false);
        for (var i = 2; i < 100; i++) manager.Commit(64, 100 * i, [1], commitNum: i, forceWriteMetadata: false);
        manager.MetadataWrites.Should().Be(1, "the first commit records the begin address; the next ones ride on commit records in the log");

        manager.Commit(4096, 20_000, [2], commitNum: 100, forceWriteMetadata: false);
        manager.MetadataWrites.Should().Be(2, "a truncated log must not be recovered from its old begin address");

        for (var i = 0; i < InPlaceLogCommitManager.WriteEveryCommits; i++) manager.Commit(4096, 30_000 + i, [3], commitNum: 101 + i, forceWriteMetadata: false);
        manager.MetadataWrites.Should().Be(3);
    }
}
