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
    public async Task ALoneWriteThatFailsLater_Sticks_AndFailsReadsWaitingForIt()
    {
        // Nothing of the commit waits on a lone write; its failure is seen by its caller and sticks at the next use.
        var store = new TaskCompletionSource();
        var commit = new GroupCommit(() => store.Task);
        var first = commit.Durable();
        var read = commit.Settled();
        Assert.False(commit.Failed);
        store.SetException(new IOException("down"));
        await Assert.ThrowsAsync<IOException>(() => first);
        await Assert.ThrowsAsync<IOException>(() => read);
        Assert.True(commit.Failed);
        Assert.Equal(0, commit.Writes);
        await Assert.ThrowsAsync<IOException>(() => commit.Settled());
        await Assert.ThrowsAsync<IOException>(() => commit.Durable());
    }

    [Fact]
    public async Task ALoneWriteThatSucceedsLater_IsCounted_AndTheNextWriteStartsAtOnce()
    {
        var stores = new List<TaskCompletionSource> { new(), new() };
        var started = 0;
        var commit = new GroupCommit(() => stores[started++].Task);
        var first = commit.Durable();
        Assert.Equal(1, started);
        stores[0].SetResult();
        await first;
        Assert.Equal(1, commit.Writes);

        // Nothing in flight any more: the next change is written at once, not held for a batch.
        var second = commit.Durable();
        Assert.Equal(2, started);
        Assert.False(second.IsCompleted);
        stores[1].SetResult();
        await second;
        Assert.Equal(2, commit.Writes);
        Assert.True(commit.Settled().IsCompletedSuccessfully);
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
