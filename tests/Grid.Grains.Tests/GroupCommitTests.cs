using Grid.Grains.Accounts;

namespace Grid.Grains.Tests;

/// <summary>Group commit: changes made during a write share the next one; failures stick for accounts, not for the registry.</summary>
public sealed class GroupCommitTests
{
    [Fact]
    public async Task ChangesMadeDuringAWrite_ShareTheNextSingleWrite()
    {
        var gate = new TaskCompletionSource();
        var writes = 0;
        var commit = new GroupCommit(async () =>
        {
            writes++;
            if (writes == 1)
            {
                await gate.Task;
            }
        });

        var first = commit.Durable();
        var second = commit.Durable();
        var third = commit.Durable();
        Assert.False(second.IsCompleted);
        gate.SetResult();
        await Task.WhenAll(first, second, third);
        Assert.Equal(2, writes);
        Assert.Equal(2, commit.Writes);
    }

    [Fact]
    public async Task AFailedWrite_FailsEveryLaterCaller_WhenStateMustBeReloaded()
    {
        var fail = true;
        var commit = new GroupCommit(() => fail ? Task.FromException(new IOException("down")) : Task.CompletedTask);
        await Assert.ThrowsAsync<IOException>(() => commit.Durable());
        fail = false;
        Assert.True(commit.Failed);
        await Assert.ThrowsAsync<IOException>(() => commit.Durable());
    }

    [Fact]
    public async Task AFailedWrite_FailsOnlyItsOwnCallers_WhenRetrying()
    {
        var fail = true;
        var commit = new GroupCommit(() => fail ? Task.FromException(new IOException("down")) : Task.CompletedTask, retryAfterFailure: true);
        await Assert.ThrowsAsync<IOException>(() => commit.Durable());
        fail = false;
        Assert.False(commit.Failed);
        await commit.Durable();
        Assert.Equal(1, commit.Writes);
    }
}
