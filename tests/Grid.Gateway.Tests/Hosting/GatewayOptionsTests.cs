using Grpc.AspNetCore.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace Grid.Gateway.Tests.Hosting;

public sealed class GatewayOptionsTests
{
    [Fact]
    public void Validate_Defaults_Pass()
    {
        var options = new GatewayOptions();

        Assert.True(new GatewayOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(4096, options.MaxInFlightPerStream);
        Assert.Equal(64, options.MaxBatchPerAccount);
        Assert.Equal(64 * 1024, options.MaxMessageBytes);
        Assert.False(options.EnableEcho);
        Assert.Equal(100, options.MaxWhatIfOrders);
        Assert.Equal(100, options.DefaultPageSize);
        Assert.Equal(64, options.MaxPriceBatchesInFlight);
        Assert.Equal(10_000, options.RiskEventBacklog);
    }

    [Theory]
    [InlineData(nameof(GatewayOptions.MaxInFlightPerStream))]
    [InlineData(nameof(GatewayOptions.MaxBatchPerAccount))]
    [InlineData(nameof(GatewayOptions.MaxMessageBytes))]
    [InlineData(nameof(GatewayOptions.MaxWhatIfOrders))]
    [InlineData(nameof(GatewayOptions.DefaultPageSize))]
    [InlineData(nameof(GatewayOptions.MaxPriceBatchesInFlight))]
    [InlineData(nameof(GatewayOptions.RiskEventBacklog))]
    public void Validate_Zero_NamesTheOption(string option)
    {
        var options = new GatewayOptions();
        typeof(GatewayOptions).GetProperty(option)!.SetValue(options, 0);

        var result = new GatewayOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains($"Grid:Gateway:{option}", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MoreWhatIfOrdersThanTheContract_Fails()
        => Assert.True(new GatewayOptionsValidator().Validate(null, new GatewayOptions { MaxWhatIfOrders = 101 }).Failed);

    [Fact]
    public void AddGridGateway_BindsTheSection_AndSizesGrpcMessages()
    {
        using var provider = Services(new() { ["Grid:Gateway:MaxMessageBytes"] = "131072", ["Grid:Gateway:EnableEcho"] = "true" });

        Assert.True(provider.GetRequiredService<IOptions<GatewayOptions>>().Value.EnableEcho);
        Assert.Equal(131072, provider.GetRequiredService<IOptions<GrpcServiceOptions>>().Value.MaxReceiveMessageSize);
    }

    [Fact]
    public void AddGridGateway_InvalidSection_FailsValidation()
    {
        using var provider = Services(new() { ["Grid:Gateway:MaxBatchPerAccount"] = "0" });

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<GatewayOptions>>().Value);
        Assert.Contains("MaxBatchPerAccount", e.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGridGateway(configuration);
        return services.BuildServiceProvider();
    }
}
