using Grid.Grains.Market;

namespace Grid.Grains.Tests.Market;

/// <summary>The silo's one market delegate: the account processors share it and it reads the current frame.</summary>
public sealed class MarketFramesTests
{
    [Fact]
    public void Frames_IsOneDelegate_ReadingTheCurrentFrame()
    {
        var view = new MarketView(TimeProvider.System);

        Assert.Same(view.Frames, view.Frames);
        Assert.Same(view.Frame, view.Frames());
    }
}
