namespace DataCustody.Sdk.Models;

/// <summary>A consent a person gives on their own initiative: the body of <c>POST /api/v1/me/consents</c>.</summary>
/// <param name="Holder">The provider the consent is given to.</param>
/// <param name="Terms">What it allows.</param>
public sealed record ConsentGrant(string Holder, ConsentTermsModel Terms);
