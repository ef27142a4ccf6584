using System.ComponentModel;

namespace GovernanceCloud.Feeds.Model;

[Description("诉求：各渠道受理的一件群众投诉、求助或建议（不含正文、地址和诉求人身份）")]
public sealed class Complaint : FeedEntity
{
    [Description("来源渠道代码，如 12345")]
    public required string Channel { get; set; }

    [Description("渠道内的原始编号")]
    public required string ExternalId { get; set; }

    [Description("受理时间")]
    public DateTimeOffset ReceivedAt { get; set; }

    [Description("标题")]
    public string Title { get; set; } = "";

    [Description("诉求分类代码")]
    public string? CategoryCode { get; set; }

    [Description("分类是否为系统建议（尚未经人工确认）")]
    public bool CategorySuggested { get; set; }

    [Description("所在网格")]
    public string? GridId { get; set; }

    [Description("所在小区（社区、村）")]
    public string? CommunityId { get; set; }

    [Description("所属案件")]
    public string? CaseId { get; set; }

    [Description("关联的同一事项")]
    public string? MatterId { get; set; }

    [Description("诉求人（脱敏），如 138****1234")]
    public string? PetitionerMasked { get; set; }

    [Description("状态：Accepted 已受理，Triage 待分拨")]
    public required string Status { get; set; }

    [Description("所属案件")]
    public Case? Case { get; set; }

    [Description("关联的同一事项")]
    public Matter? Matter { get; set; }
}
