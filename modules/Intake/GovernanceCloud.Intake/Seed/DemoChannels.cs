using GovernanceCloud.Intake.Contracts;

namespace GovernanceCloud.Intake.Seed;

/// <summary>
/// The demo district's channels: 66 online (hotlines, forums, leaders' mailboxes, government
/// accounts, each town's public account and secretary's mailbox) and the offline ones.
/// </summary>
internal static class DemoChannels
{
    public static IReadOnlyList<Channel> For(IEnumerable<(string Slug, string Name)> towns)
    {
        var channels = new List<Channel>
        {
            new() { Code = "12345", Name = "12345热线", Kind = ChannelKind.Hotline, Level = ChannelLevel.City },
            new() { Code = "hanshan", Name = "寒山闻钟论坛", Kind = ChannelKind.Forum, Level = ChannelLevel.City },
            new() { Code = "mayor-mailbox", Name = "区长信箱", Kind = ChannelKind.Mailbox, Level = ChannelLevel.District },
            new() { Code = "city-mayor-mailbox", Name = "市长信箱", Kind = ChannelKind.Mailbox, Level = ChannelLevel.City },
            new() { Code = "secretary-mailbox", Name = "区委书记信箱", Kind = ChannelKind.Mailbox, Level = ChannelLevel.District },
            new() { Code = "province-12345", Name = "江苏12345在线", Kind = ChannelKind.Hotline, Level = ChannelLevel.Province },
            new() { Code = "people-board", Name = "人民网领导留言板", Kind = ChannelKind.Forum, Level = ChannelLevel.Province },
            new() { Code = "jszwfw", Name = "江苏政务服务网", Kind = ChannelKind.Mailbox, Level = ChannelLevel.Province },
            new() { Code = "gov-wechat", Name = "相城发布微信公众号", Kind = ChannelKind.SocialMedia, Level = ChannelLevel.District },
            new() { Code = "gov-weibo", Name = "相城发布微博", Kind = ChannelKind.SocialMedia, Level = ChannelLevel.District },
            new() { Code = "suzhoudao", Name = "苏周到APP", Kind = ChannelKind.SocialMedia, Level = ChannelLevel.City },
            new() { Code = "12345-wechat", Name = "苏州12345微信公众号", Kind = ChannelKind.SocialMedia, Level = ChannelLevel.City },
            new() { Code = "petition-online", Name = "网上信访", Kind = ChannelKind.Mailbox, Level = ChannelLevel.Province },
            new() { Code = "police-110", Name = "110非警务警情", Kind = ChannelKind.Hotline, Level = ChannelLevel.City },
            new() { Code = "urban-12319", Name = "12319城管热线", Kind = ChannelKind.Hotline, Level = ChannelLevel.City },
            new() { Code = "consumer-12315", Name = "12315消费者投诉", Kind = ChannelKind.Hotline, Level = ChannelLevel.City },
            new() { Code = "labour-12333", Name = "12333人社热线", Kind = ChannelKind.Hotline, Level = ChannelLevel.City },
            new() { Code = "eco-12369", Name = "12369环保热线", Kind = ChannelKind.Hotline, Level = ChannelLevel.City },
            new() { Code = "media-radio", Name = "政风行风热线（广播）", Kind = ChannelKind.Hotline, Level = ChannelLevel.City },
            new() { Code = "media-tv", Name = "电视问政", Kind = ChannelKind.SocialMedia, Level = ChannelLevel.City },
            new() { Code = "news-tips", Name = "媒体报料", Kind = ChannelKind.SocialMedia, Level = ChannelLevel.City },
            new() { Code = "npc-proposals", Name = "人大代表建议", Kind = ChannelKind.Mailbox, Level = ChannelLevel.District },
            new() { Code = "cppcc-proposals", Name = "政协委员提案", Kind = ChannelKind.Mailbox, Level = ChannelLevel.District },
            new() { Code = "discipline-mailbox", Name = "纪委监委信箱", Kind = ChannelKind.Mailbox, Level = ChannelLevel.District },
            new() { Code = "douyin", Name = "相城发布抖音号", Kind = ChannelKind.SocialMedia, Level = ChannelLevel.District },
            new() { Code = "xiaohongshu", Name = "网络舆情（小红书）", Kind = ChannelKind.SocialMedia, Level = ChannelLevel.City },
            new() { Code = "baidu-tieba", Name = "网络舆情（贴吧）", Kind = ChannelKind.SocialMedia, Level = ChannelLevel.City },
            new() { Code = "weixin-groups", Name = "网格微信群", Kind = ChannelKind.SocialMedia, Level = ChannelLevel.District },
            new() { Code = "bureau-housing", Name = "住建局来信", Kind = ChannelKind.Mailbox, Level = ChannelLevel.District },
            new() { Code = "bureau-education", Name = "教育局来信", Kind = ChannelKind.Mailbox, Level = ChannelLevel.District },
            new() { Code = "bureau-health", Name = "卫健委来信", Kind = ChannelKind.Mailbox, Level = ChannelLevel.District },
            new() { Code = "bureau-market", Name = "市场监管局来信", Kind = ChannelKind.Mailbox, Level = ChannelLevel.District },
            new() { Code = "bureau-transport", Name = "交通运输局来信", Kind = ChannelKind.Mailbox, Level = ChannelLevel.District },
            new() { Code = "bureau-urban", Name = "城管局来信", Kind = ChannelKind.Mailbox, Level = ChannelLevel.District },
            new() { Code = "bureau-eco", Name = "生态环境局来信", Kind = ChannelKind.Mailbox, Level = ChannelLevel.District },
            new() { Code = "bureau-civil", Name = "民政局来信", Kind = ChannelKind.Mailbox, Level = ChannelLevel.District },
            new() { Code = "bureau-justice", Name = "司法局来信", Kind = ChannelKind.Mailbox, Level = ChannelLevel.District },
            new() { Code = "bureau-police", Name = "公安分局来信", Kind = ChannelKind.Mailbox, Level = ChannelLevel.District },
            new() { Code = "court-link", Name = "法院诉调对接平台", Kind = ChannelKind.MediationPlatform, Level = ChannelLevel.District },
            new() { Code = "mediation-online", Name = "在线矛盾纠纷多元化解平台", Kind = ChannelKind.MediationPlatform, Level = ChannelLevel.Province },
            new() { Code = "governance-app", Name = "社会治理APP随手拍", Kind = ChannelKind.SocialMedia, Level = ChannelLevel.District },
            new() { Code = "volunteer-app", Name = "志愿者随手报", Kind = ChannelKind.SocialMedia, Level = ChannelLevel.District },
            new() { Code = "enterprise-service", Name = "企业服务热线", Kind = ChannelKind.Hotline, Level = ChannelLevel.District },
            new() { Code = "elderly-hotline", Name = "为老服务热线", Kind = ChannelKind.Hotline, Level = ChannelLevel.District },
        };
        foreach (var (slug, name) in towns)
        {
            channels.Add(new Channel { Code = $"{slug}-wechat", Name = $"{name}微信公众号", Kind = ChannelKind.SocialMedia, Level = ChannelLevel.District });
            channels.Add(new Channel { Code = $"{slug}-mailbox", Name = $"{name}书记信箱", Kind = ChannelKind.Mailbox, Level = ChannelLevel.District });
        }

        // Offline: in person, by grid workers, from mediation, from sensors.
        channels.Add(new Channel { Code = "walk-in", Name = "来访窗口", Kind = ChannelKind.WalkIn, Level = ChannelLevel.District });
        channels.Add(new Channel { Code = "grid-report", Name = "网格员上报", Kind = ChannelKind.GridReport, Level = ChannelLevel.District });
        channels.Add(new Channel { Code = "mediation-room", Name = "调解室受理", Kind = ChannelKind.MediationPlatform, Level = ChannelLevel.District });
        channels.Add(new Channel { Code = "sensor", Name = "视频监控与无人机发现", Kind = ChannelKind.Sensor, Level = ChannelLevel.District });
        return channels;
    }

    /// <summary>How many of <paramref name="channels"/> are online.</summary>
    public static int Online(IEnumerable<Channel> channels) =>
        channels.Count(c => c.Kind is not (ChannelKind.WalkIn or ChannelKind.GridReport or ChannelKind.Sensor) && c.Code != "mediation-room");
}
