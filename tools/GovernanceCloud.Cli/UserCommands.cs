using System.CommandLine;
using GovernanceCloud.Identity;
using GovernanceCloud.Kernel.Tenancy;

namespace GovernanceCloud.Cli;

/// <summary><c>users create</c>: the first district admin of a deployment without the demo seed.</summary>
internal static class UserCommands
{
    public static Command Create()
    {
        var user = new Option<string>("--user") { Description = "user name, e.g. admin@xiangcheng", Required = true };
        var tenant = new Option<string>("--tenant") { Description = "district or town id, e.g. xiangcheng", Required = true };
        var roles = new Option<string[]>("--role") { Description = "role code (repeatable), e.g. district-admin", Required = true, AllowMultipleArgumentsPerToken = true };
        var display = new Option<string>("--display-name") { Description = "the person's name, e.g. 相城区管理员", Required = true };
        var password = new Option<string?>("--password") { Description = "initial password; default: the GOVERNANCE_PASSWORD environment variable" };
        var create = new Command("create", "新建用户（首个区级管理员等）") { user, tenant, roles, display, password };
        create.SetAction((parse, ct) => CliOptions.RunAsync(async () =>
        {
            if (!TenantId.TryParse(parse.GetValue(tenant), out var tenantId))
            {
                await Console.Error.WriteLineAsync($"error: '{parse.GetValue(tenant)}' is not a tenant id.");
                return 2;
            }

            var secret = parse.GetValue(password) ?? Environment.GetEnvironmentVariable("GOVERNANCE_PASSWORD");
            if (string.IsNullOrEmpty(secret))
            {
                await Console.Error.WriteLineAsync("error: give --password or set GOVERNANCE_PASSWORD.");
                return 2;
            }

            await using var services = CliOptions.Services(parse);
            var (created, message) = await IdentityProvisioning.CreatePersonAsync(
                services, parse.GetValue(user)!, parse.GetValue(display)!, tenantId, parse.GetValue(roles)!, secret);
            await (created ? Console.Out : Console.Error).WriteLineAsync(message);
            return created ? 0 : 1;
        }));
        return new Command("users", "用户") { create };
    }
}
