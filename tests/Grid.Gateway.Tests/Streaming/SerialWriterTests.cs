using Grid.Gateway.Streaming;
using Grid.Gateway.Tests.Fakes;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Grid.Gateway.Tests.Streaming;

public sealed class SerialWriterTests
{
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Write_Burst_BuffersAllButTheLastAndKeepsOrder()
    {
        var firstWriting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stream = new RecordingStreamWriter<string>
        {
            BeforeWrite = async message =>
            {
                if (message == "1")
                {
                    firstWriting.TrySetResult();
                    await release.Task;
                }
            },
        };
        var writer = new SerialWriter<string>(stream, 8, NullLogger.Instance, CancellationToken.None);

        await writer.Write("1", CancellationToken.None);
        await firstWriting.Task.WaitAsync(Hang);
        await writer.Write("2", CancellationToken.None);
        await writer.Write("3", CancellationToken.None);
        release.SetResult();

        Assert.True(await writer.Complete().WaitAsync(Hang));
        Assert.Equal(new[] { "1", "2", "3" }, stream.Messages.ToArray());
        var flags = stream.Options.Select(o => o?.Flags ?? default).ToArray();
        Assert.Equal(new[] { default(WriteFlags), WriteFlags.BufferHint, default }, flags);
    }

    [Fact]
    public async Task Write_StreamFails_LaterWritesFailInsteadOfWaiting()
    {
        var stream = new RecordingStreamWriter<string> { BeforeWrite = _ => throw new IOException("client gone") };
        var writer = new SerialWriter<string>(stream, 1, NullLogger.Instance, CancellationToken.None);

        await writer.Write("1", CancellationToken.None);

        Assert.False(await writer.Complete().WaitAsync(Hang));
        await Assert.ThrowsAnyAsync<Exception>(() => writer.Write("2", CancellationToken.None).AsTask().WaitAsync(Hang));
    }

    [Fact]
    public async Task WriteAndRecycle_HandsTheMessageBackOnlyOnceWritten_AndPlainWritesNever()
    {
        var writing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var recycled = new List<string>();
        var stream = new RecordingStreamWriter<string>
        {
            BeforeWrite = async message =>
            {
                if (message == "pooled")
                {
                    writing.TrySetResult();
                    await release.Task;
                }
            },
        };
        var writer = new SerialWriter<string>(stream, 8, NullLogger.Instance, CancellationToken.None, m =>
        {
            lock (recycled)
            {
                recycled.Add(m);
            }
        });

        await writer.Write("plain", CancellationToken.None);
        await writer.WriteAndRecycle("pooled", CancellationToken.None);
        await writing.Task.WaitAsync(Hang);
        lock (recycled)
        {
            Assert.Empty(recycled);
        }

        release.SetResult();
        Assert.True(await writer.Complete().WaitAsync(Hang));
        Assert.Equal(["plain", "pooled"], stream.Messages);
        Assert.Equal(["pooled"], recycled);
    }
}
