using Reconciler.Host.Api.Contracts;
using Reconciler.Host.GitOps;

namespace Reconciler.Host.Tests.GitOps;

public sealed class GitCheckoutTests : IDisposable
{
    private const string Commit = "3f786850e387550fdab836ed7e6dc881de23001b";
    private const string Older = "89e6c98d92887913cadf06b2adb97f26cde4849b";
    private readonly TempDirectory _repo = new();

    [Fact]
    public void A_branch_is_read_from_its_loose_ref_file()
    {
        _repo.Write(".git/HEAD", "ref: refs/heads/main\n");
        _repo.Write(".git/refs/heads/main", Commit + "\n");

        GitCheckout.ReadHead(_repo.Path).Should().Be(new GitOpsRevision(Commit, GitOpsRevision.Git, "refs/heads/main"));
    }

    [Fact]
    public void A_branch_without_a_loose_ref_is_read_from_packed_refs()
    {
        _repo.Write(".git/HEAD", "ref: refs/heads/main\n");
        _repo.Write(".git/packed-refs", $"# pack-refs with: peeled fully-peeled sorted\n{Older} refs/heads/old\n{Commit} refs/heads/main\n");

        GitCheckout.ReadHead(_repo.Path)!.Id.Should().Be(Commit);
    }

    [Fact]
    public void A_detached_head_is_its_commit_without_a_ref()
    {
        _repo.Write(".git/HEAD", Commit + "\n");

        GitCheckout.ReadHead(_repo.Path).Should().Be(new GitOpsRevision(Commit, GitOpsRevision.Git));
    }

    [Fact]
    public void A_manifest_folder_inside_a_worktree_finds_the_commit_through_the_gitdir_file_and_the_common_directory()
    {
        _repo.Write("main/.git/refs/heads/feature", Commit + "\n");
        _repo.Write("main/.git/worktrees/wt/HEAD", "ref: refs/heads/feature\n");
        _repo.Write("main/.git/worktrees/wt/commondir", "../..\n");
        _repo.Write("wt/.git", $"gitdir: {Path.Combine(_repo.Path, "main/.git/worktrees/wt")}\n");
        _repo.Write("wt/deploy/web.yaml", "");

        GitCheckout.ReadHead(Path.Combine(_repo.Path, "wt/deploy")).Should().Be(new GitOpsRevision(Commit, GitOpsRevision.Git, "refs/heads/feature"));
    }

    [Fact]
    public void A_directory_outside_git_or_on_an_unborn_branch_has_no_commit()
    {
        GitCheckout.ReadHead(_repo.Path).Should().BeNull();

        _repo.Write(".git/HEAD", "ref: refs/heads/main\n");

        GitCheckout.ReadHead(_repo.Path).Should().BeNull("the branch has no commit yet, so the sync hashes the files instead");
    }

    public void Dispose() => _repo.Dispose();
}
