using Grid.Risk.Accounts;

namespace Grid.Risk.Tests.Properties;

/// <summary>The verification used by Admin.VerifyAccount finds what it must and passes what it should.</summary>
public sealed class BookVerificationTests
{
    [Fact]
    public void SameHoldings_Agree()
    {
        var book = ConformanceCase.Cases[0].Book();
        Assert.Null(BookVerification.Compare(book, AccountBook.Create(book.Model, book.ToPortfolio())));
    }

    [Fact]
    public void OtherHoldings_AreReportedAsAHashDifference()
    {
        var book = ConformanceCase.Cases[0].Book();
        var other = ConformanceCase.Cases[1].Book();
        Assert.StartsWith("holdings:", BookVerification.Compare(book, other));
    }

    [Fact]
    public void DriftedFigures_AreReportedByName()
    {
        var report = ConformanceCase.Cases[2].Book().Evaluate();
        Assert.Null(BookVerification.Compare(report, report));
        Assert.StartsWith("IM:", BookVerification.Compare(report with { Im = report.Im + 0.01 }, report));
        Assert.StartsWith("AE:", BookVerification.Compare(report with { Ae = report.Ae - 1 }, report));
    }
}
