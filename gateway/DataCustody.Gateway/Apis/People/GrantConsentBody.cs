using DataCustody.Gateway.Apis.Contracts;

namespace DataCustody.Gateway.Apis.People;

/// <summary>
/// The body of <c>POST /api/v1/me/consents</c>: <c>{"holder": "shop", "terms": {...}}</c>, with
/// <c>terms</c> as in docs/statements.md. The handler reads it as raw JSON (see
/// <see cref="GrantConsentReader"/>) so that every wrong member is reported by its path.
/// </summary>
/// <param name="Holder">The provider id the consent is given to.</param>
/// <param name="Terms">What the consent allows.</param>
public sealed record GrantConsentBody(string Holder, ConsentTermsContract Terms);
