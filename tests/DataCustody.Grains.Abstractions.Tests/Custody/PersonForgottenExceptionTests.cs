using DataCustody.Grains.Custody;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace DataCustody.Grains.Abstractions.Tests.Custody;

public sealed class PersonForgottenExceptionTests
{
    // A gateway that is only a cluster client gets the exception from another process: it must arrive
    // as itself, with its date, for the 410 to say when the person was forgotten.
    [Fact]
    public void The_exception_crosses_the_orleans_serializer_as_itself()
    {
        using var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        var forgottenAt = new DateTimeOffset(2026, 11, 29, 14, 0, 0, 123, TimeSpan.Zero);

        var copy = serializer.Deserialize<Exception>(serializer.SerializeToArray<Exception>(new PersonForgottenException(forgottenAt)));

        var forgotten = Assert.IsType<PersonForgottenException>(copy);
        Assert.Equal(forgottenAt, forgotten.ForgottenAt);
        Assert.Equal(new PersonForgottenException(forgottenAt).Message, forgotten.Message);
    }
}
