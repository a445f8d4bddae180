using DataCustody.Silo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

if (args is ["rebuild-projections", .. var options])
{
    return await RebuildProjectionsCommand.RunAsync(options);
}

// A cluster silo: configuration from appsettings.json, environment variables
// (Storage__Provider=postgres, ...) and the command line (--Storage:Provider=postgres).
var builder = Host.CreateApplicationBuilder(args);
builder.UseOrleans(silo => silo.AddDataCustody(builder.Configuration));
using var host = builder.Build();
await host.StartAsync();
// Printed once the silo has joined its cluster, so a supervisor can wait for this line.
LogKeyAnnouncement.Print(host.Services.GetRequiredService<LogKeyLoader.LoadedKey>(), Console.Out);
await host.WaitForShutdownAsync();
return 0;
