namespace DataCustody.Gateway.Tests.Authorization;

/// <summary>Who calls, in the authorization matrix; the order is the order of the calls.</summary>
public enum Caller
{
    /// <summary>No token.</summary>
    Anonymous,

    /// <summary>bob, a person other than the one whose data the row names.</summary>
    PersonB,

    /// <summary>delivery, a provider other than the one the row names.</summary>
    ProviderQ,

    /// <summary>regina.</summary>
    Regulator,

    /// <summary>audrey.</summary>
    Auditor,

    /// <summary>shop, the provider the row names.</summary>
    ProviderP,

    /// <summary>alice, the person whose data the row names; last, so that her successful changes come after everyone's attempts.</summary>
    PersonA,
}
