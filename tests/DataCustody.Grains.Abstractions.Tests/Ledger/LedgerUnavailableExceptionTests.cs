using DataCustody.Grains.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace DataCustody.Grains.Abstractions.Tests.Ledger;

public sealed class LedgerUnavailableExceptionTests
{
    // The gateway answers this exception with a 503 that clients retry, and anything else with a 500
    // they do not: it must reach a gateway in another process as itself.
    [Fact]
    public void The_exception_crosses_the_orleans_serializer_as_itself()
    {
        using var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();

        var copy = serializer.Deserialize<Exception>(serializer.SerializeToArray<Exception>(new LedgerUnavailableException("Retry later.")));

        var unavailable = Assert.IsType<LedgerUnavailableException>(copy);
        Assert.Equal("Retry later.", unavailable.Message);
    }
}
