using DataCustody.Grains.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace DataCustody.Grains.Abstractions.Tests.Ledger;

public sealed class LedgerWriteFailedExceptionTests
{
    // The gateway's problem says from this flag whether anything may have been written: it must cross to a gateway in another process.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_exception_crosses_the_orleans_serializer_with_whether_anything_may_have_been_written(bool mayHaveBeenWritten)
    {
        using var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();

        var copy = serializer.Deserialize<Exception>(serializer.SerializeToArray<Exception>(new LedgerWriteFailedException("disk full", mayHaveBeenWritten)));

        var failed = Assert.IsType<LedgerWriteFailedException>(copy);
        Assert.Equal(mayHaveBeenWritten, failed.MayHaveBeenWritten);
        Assert.EndsWith(": disk full", failed.Message, StringComparison.Ordinal);
    }
}
