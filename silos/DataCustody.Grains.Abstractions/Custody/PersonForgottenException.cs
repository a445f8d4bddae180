namespace DataCustody.Grains.Custody;

/// <summary>
/// The person asked the broker to forget them: it keeps nothing that ties them to their handles,
/// so there is nothing left to show or change for them.
/// </summary>
[GenerateSerializer, Alias("DataCustody.Custody.PersonForgottenException")]
public sealed class PersonForgottenException : Exception
{
    /// <summary>Creates the exception for a person forgotten at <paramref name="forgottenAt"/>.</summary>
    public PersonForgottenException(DateTimeOffset forgottenAt)
        : base($"You asked DataCustody to forget you on {forgottenAt:yyyy-MM-dd}. It keeps nothing that ties you to your handles any more.") =>
        ForgottenAt = forgottenAt;

    /// <summary>When the broker forgot the person.</summary>
    [Id(0)]
    public DateTimeOffset ForgottenAt { get; private set; }
}
