using System.CommandLine;
using GovernanceCloud.Cli;

var root = new RootCommand("GovernanceCloud 运维命令行 (operations CLI)");
root.Add(CliOptions.Storage);
root.Add(CliOptions.DataDirectory);
root.Add(CliOptions.Connection);
root.Add(DbCommands.Create());
root.Add(SeedCommands.Create());
root.Add(TenantCommands.Create());
return await root.Parse(args).InvokeAsync();
