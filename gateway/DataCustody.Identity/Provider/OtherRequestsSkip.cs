using Microsoft.AspNetCore;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace DataCustody.Identity.Provider;

/// <summary>
/// Hands every request outside the provider's paths straight back to the pipeline. The
/// authentication middleware offers each request to the provider, which otherwise builds the
/// request's absolute URI and compares it with each of its endpoints: on the API's hot paths that
/// was a sixth of what a transfer check allocated.
/// </summary>
internal sealed class OtherRequestsSkip : IOpenIddictServerHandler<ProcessRequestContext>
{
    /// <summary>Runs before OpenIddict resolves the request's URI.</summary>
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessRequestContext>()
        .UseSingletonHandler<OtherRequestsSkip>()
        .SetOrder(OpenIddictServerAspNetCoreHandlers.ResolveRequestUri.Descriptor.Order - 1_000)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    /// <inheritdoc />
    public ValueTask HandleAsync(ProcessRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Transaction.GetHttpRequest() is { } request && !ProviderPaths.MayBeProviderPath(request.Path))
        {
            context.SkipRequest();
        }
        return ValueTask.CompletedTask;
    }
}
