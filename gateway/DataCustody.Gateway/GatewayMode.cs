namespace DataCustody.Gateway;

/// <summary>Where the gateway's grains run.</summary>
public enum GatewayMode
{
    /// <summary>A silo in the gateway's own process: the single-machine default.</summary>
    Embedded,

    /// <summary>An Orleans client of a separate silo cluster.</summary>
    Client,
}
