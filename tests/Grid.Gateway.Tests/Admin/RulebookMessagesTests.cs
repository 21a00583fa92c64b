using Grid.Abstractions.Market;
using Grid.Gateway.Admin;
using Xunit;

namespace Grid.Gateway.Tests.Admin;

public sealed class RulebookMessagesTests
{
    [Fact]
    public void ToWire_DefaultRulebook_ListsSortedGroupsAndAssets()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "default-rulebook.json"));

        var wire = RulebookMessages.ToWire(new RulebookInfo { Version = "v1", Json = json, LoadedAt = DateTimeOffset.UnixEpoch.AddDays(1) }, dryRun: false);

        Assert.Contains("BTC", wire.Groups);
        Assert.Contains("USDT", wire.Assets);
        Assert.Equal(wire.Groups.Order(StringComparer.Ordinal), wire.Groups);
        Assert.NotNull(wire.LoadedAt);
    }

    [Fact]
    public void ShippedDefault_IsTheEmbeddedRulebook_NeverLoaded()
    {
        var info = RulebookMessages.ShippedDefault();
        var wire = RulebookMessages.ToWire(info, dryRun: false);

        Assert.Equal(Grid.Risk.Rulebooks.Rulebook.Default.Version, wire.Version);
        Assert.Null(wire.LoadedAt);
        Assert.Contains("ES_SPAN", wire.Groups);
    }

    [Fact]
    public void ToWire_DryRun_LeavesLoadedAtUnset()
        => Assert.Null(RulebookMessages.ToWire(new RulebookInfo { Version = "v1", Json = "{}", LoadedAt = DateTimeOffset.UnixEpoch.AddDays(1) }, dryRun: true).LoadedAt);

    [Fact]
    public void Names_NotJson_IsEmpty()
    {
        var (groups, assets) = RulebookMessages.Names("not json");

        Assert.Empty(groups);
        Assert.Empty(assets);
    }
}
