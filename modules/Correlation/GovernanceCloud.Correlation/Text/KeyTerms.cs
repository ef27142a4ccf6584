namespace GovernanceCloud.Correlation.Text;

/// <summary>
/// The words that say what a complaint is about (搅拌站, 车位, 业委会): segmented words of two
/// characters or more, minus stop words, the courtesy and procedure words every complaint uses
/// (反映, 希望, 解决, 部门), numbers, and the words of the places already found.
/// </summary>
internal static class KeyTerms
{
    private static readonly HashSet<string> ComplaintWords = new(StringComparer.Ordinal)
    {
        "反映", "投诉", "举报", "希望", "要求", "请求", "请问", "建议", "解决", "处理", "问题", "情况", "部门", "有关", "相关", "领导", "政府",
        "市民", "居民", "群众", "百姓", "老百姓", "我们", "他们", "你们", "自己", "大家", "现在", "目前", "已经", "一直", "至今", "还是", "没有",
        "不能", "可以", "能否", "是否", "怎么", "为什么", "什么", "如何", "这个", "那个", "这样", "这些", "那些", "一些", "很多", "非常", "严重",
        "影响", "进行", "存在", "出现", "导致", "造成", "发生", "尽快", "及时", "马上", "立即", "关注", "重视", "监管", "落实", "协调", "回复",
        "答复", "谢谢", "感谢", "您好", "尊敬", "书记", "市长", "区长", "局长", "街道", "社区", "小区", "业主", "住户", "附近", "周边", "旁边",
        "今年", "去年", "年月日", "时间", "时候", "以来", "以后", "之前", "开始", "多次", "每天", "晚上", "白天", "上午", "下午", "半年", "一年",
        "规定", "国家", "文件", "政策", "有限公司", "公司", "单位", "工作人员", "人员", "负责", "管理", "工作", "电话", "联系", "不到", "得到",
    };

    private static readonly Lazy<HashSet<string>> StopWords = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Resources", "stopwords.txt");
        var words = File.Exists(path) ? File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0) : [];
        return new HashSet<string>(words.Concat(ComplaintWords), StringComparer.Ordinal);
    });

    /// <summary>Each key term with how often it occurs.</summary>
    public static Dictionary<string, int> Count(IReadOnlyList<string> words, IReadOnlyList<NamedPlace> places)
    {
        var placeWords = places.Count == 0 ? null : places.Select(p => p.Name).ToArray();
        var terms = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            if (word.Length < 2 || word.Length > 8 || !word.Any(ChineseText.IsHan) || StopWords.Value.Contains(word) || InAny(placeWords, word))
            {
                continue;
            }

            terms[word] = terms.GetValueOrDefault(word) + 1;
        }

        return terms;
    }

    // A loop, not a lambda: a lambda capturing the word cost an allocation for every word of every complaint.
    private static bool InAny(string[]? placeWords, string word)
    {
        foreach (var place in placeWords ?? [])
        {
            if (place.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
