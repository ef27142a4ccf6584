using System.CommandLine;
using GovernanceCloud.Cli;
using GovernanceCloud.Kernel.Tenancy;

// The CLI is the platform's own operator: it reads and provisions across tenants.
using var platform = TenantRequestContext.EnterSystem();

var root = new RootCommand("GovernanceCloud 运维命令行 (operations CLI)");
root.Add(CliOptions.Storage);
root.Add(CliOptions.DataDirectory);
root.Add(CliOptions.Connection);
root.Add(DbCommands.Create());
root.Add(SeedCommands.Create());
root.Add(TenantCommands.Create());
root.Add(UserCommands.Create());
root.Add(ImportCommands.Create());
root.Add(ReplayCommands.Create());
root.Add(ExportCommands.Create());
return await root.Parse(args).InvokeAsync();
