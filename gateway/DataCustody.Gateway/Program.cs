using DataCustody.Gateway;
using DataCustody.Gateway.Apis;

// Settings files live beside the binaries; relative data paths stay relative to the working folder.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddDataCustodyGateway();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapLogApi();

await app.StartAsync();
await StartupAnnouncement.PrintAsync(app);
await app.WaitForShutdownAsync();
