using DataCustody.Cli;

return await CustodyCommandLine.Create().Parse(args).InvokeAsync();
