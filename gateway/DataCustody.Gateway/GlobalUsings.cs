global using System.Text.Json.Serialization;
global using DataCustody.Gateway.Apis.Plumbing;
global using DataCustody.Grains.Custody;
global using DataCustody.Grains.Statements;
