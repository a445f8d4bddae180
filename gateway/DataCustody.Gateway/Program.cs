using DataCustody.Gateway;
using DataCustody.Gateway.Apis;
using DataCustody.Gateway.Apis.Breaches;
using DataCustody.Gateway.Apis.Plumbing;
using DataCustody.Gateway.Pages;
using DataCustody.Identity;

// Settings files live beside the binaries; relative data paths stay relative to the working folder.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddDataCustodyGateway();
builder.AddDataCustodyIdentity();
builder.AddDataCustodyApi();
builder.AddPersonPages();

var app = builder.Build();
// First: everything after it, the per-address limits and the provider's sign-in among them, sees the client's
// address and scheme, not the proxy's.
app.UseForwardedHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.MapDataCustodyIdentity();
app.MapLogApi();
app.MapApiReference();
app.MapProviderApis();
app.MapPeopleApis();
app.MapBreachesApi();
app.MapComplianceApis();
app.MapPersonPages();
// For load balancers and orchestrators, which call without a token; it says only whether the database answers.
app.MapHealthChecks("/health").AllowAnonymous();

await app.StartAsync();
await StartupAnnouncement.PrintAsync(app);
await app.WaitForShutdownAsync();
