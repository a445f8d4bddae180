namespace DataCustody.Benchmarks.Generation;

/// <summary>
/// A provider declaring a new profile version, new terms, or both, on a day of the timeline, so
/// that holdings acquired before and after record different versions.
/// </summary>
/// <param name="Day">The day it declares them.</param>
/// <param name="Provider">The provider's rank.</param>
/// <param name="Level">The level of its new profile, if it declares one.</param>
/// <param name="NewTerms">Whether it declares a second version of its model contract.</param>
internal sealed record ProviderRevision(int Day, int Provider, int? Level, bool NewTerms);
