using Grid.Grains.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Grid.Grains.Tests;

/// <summary>Account options: the idle deactivation is validated and becomes the account grain's collection age.</summary>
[Collection(GridCluster.Name)]
public sealed class AccountOptionsTests(GridClusterFixture fixture)
{
    [Theory]
    [InlineData(0, true)]
    [InlineData(30, false)]
    [InlineData(60, false)]
    [InlineData(90, true)]
    [InlineData(900, true)]
    public void IdleDeactivation_IsZeroOrAboveTheCollectionQuantum(int seconds, bool valid)
    {
        var result = new AccountOptionsValidator().Validate(null, new AccountOptions { IdleDeactivation = TimeSpan.FromSeconds(seconds) });

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("Grid:Accounts:IdleDeactivation", result.FailureMessage);
        }
    }

    [Fact]
    public void IdleDeactivation_IsTheAccountGrainsCollectionAge()
    {
        var silo = fixture.Cluster.GetSiloServiceProvider(fixture.Cluster.Silos[0].SiloAddress);
        var accounts = silo.GetRequiredService<IOptions<AccountOptions>>().Value;
        var collection = silo.GetRequiredService<IOptions<GrainCollectionOptions>>().Value;

        Assert.Equal(accounts.IdleDeactivation, collection.ClassSpecificCollectionAge[typeof(AccountGrain).FullName!]);
    }
}
