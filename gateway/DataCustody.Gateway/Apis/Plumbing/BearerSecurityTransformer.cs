using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DataCustody.Gateway.Apis.Plumbing;

/// <summary>
/// Describes the API in the OpenAPI document: title and description, the bearer security scheme,
/// and on every operation that needs a token the requirement and the policy (roles) it needs.
/// </summary>
internal sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string SchemeName = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "DataCustody API",
            Version = "v1",
            Description = "Where people's personal data went between providers, in a signed append-only Merkle log. "
                + "Providers register, add statement keys and submit signed statements (compact JWS, EdDSA); people see and "
                + "manage their consents; regulators and auditors read. Errors are RFC 9457 problem details with a `field` "
                + "member naming the offending field. Times are ISO 8601, binary values unpadded base64url.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            In = ParameterLocation.Header,
            Description = "An access token of the broker's OpenID Connect provider (/connect/token): client credentials for "
                + "providers (role provider, claim provider_id), authorization code for people, regulators and auditors.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return Task.CompletedTask;
        }
        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct().ToList();
        if (policies.Count == 0 && !metadata.OfType<IAuthorizeData>().Any())
        {
            return Task.CompletedTask;
        }
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [],
        });
        if (policies.Count > 0)
        {
            var who = $"Requires a bearer token; policy {string.Join(", ", policies)}.";
            operation.Description = string.IsNullOrEmpty(operation.Description) ? who : operation.Description + "\n\n" + who;
        }
        operation.Responses ??= new OpenApiResponses();
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No valid bearer token." });
        operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The token lacks the role, or speaks for another provider." });
        return Task.CompletedTask;
    }

}
