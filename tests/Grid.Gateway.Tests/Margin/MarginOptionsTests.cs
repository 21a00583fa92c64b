using Grid.Gateway.Margin;
using Grpc.AspNetCore.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace Grid.Gateway.Tests.Margin;

public sealed class MarginOptionsTests
{
    [Fact]
    public void Validate_Defaults_Pass_AndMatchTheCoresLimits()
    {
        var options = new MarginOptions();

        Assert.True(new MarginOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(4 * 1024 * 1024, options.MaxRequestBytes);
        Assert.Equal(Risk.Simulation.SimulationLimits.Default with { Section = MarginOptions.SectionName }, options.Limits());
    }

    [Theory]
    [InlineData(nameof(MarginOptions.MaxRequestBytes), 1024)]
    [InlineData(nameof(MarginOptions.MaxRequestBytes), 128 << 20)]
    [InlineData(nameof(MarginOptions.MaxPositions), 0)]
    [InlineData(nameof(MarginOptions.MaxOrders), 0)]
    [InlineData(nameof(MarginOptions.MaxBalances), 1_000_000)]
    [InlineData(nameof(MarginOptions.MaxInstruments), -1)]
    public void Validate_OutOfRange_NamesTheSetting(string option, int value)
    {
        var options = new MarginOptions();
        typeof(MarginOptions).GetProperty(option)!.SetValue(options, value);

        var result = new MarginOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains($"Grid:Margin:{option}", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AddGridGateway_SizesTheMarginServiceApart_FromEngineMessages()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Grid:Margin:MaxRequestBytes"] = "1048576", ["Grid:Margin:MaxPositions"] = "7",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGridGateway(configuration);
        using var provider = services.BuildServiceProvider();

        Assert.Equal(64 * 1024, provider.GetRequiredService<IOptions<GrpcServiceOptions>>().Value.MaxReceiveMessageSize);
        Assert.Equal(1048576, provider.GetRequiredService<IOptions<GrpcServiceOptions<MarginService>>>().Value.MaxReceiveMessageSize);
        Assert.Equal(7, provider.GetRequiredService<IOptions<MarginOptions>>().Value.Limits().MaxPositions);
    }
}
