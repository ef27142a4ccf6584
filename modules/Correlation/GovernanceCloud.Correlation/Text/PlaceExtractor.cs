namespace GovernanceCloud.Correlation.Text;

/// <summary>A place a complaint names: from the gazetteer (with its community), or by its name's pattern.</summary>
internal sealed record NamedPlace(string Name, string? CommunityId)
{
    public bool FromGazetteer => CommunityId is not null;

    /// <summary>The index key: the community when the gazetteer knows it, else the name itself.</summary>
    public string Key => CommunityId is not null ? $"c:{CommunityId}" : $"n:{Name}";
}

/// <summary>
/// Finds the places a complaint is about (estates, communities, roads, schools, businesses) in
/// its segmented words. Names the district gazetteer knows come first. Other places are
/// recognised by how their names end (…小区, …花园, …苑, …路, …学校): the word with such an ending
/// and up to two name-like words before it, stopping at a verb of complaint (投诉、反映), a
/// function word, punctuation, or a district/town marker (A3区潇楚南路 → 潇楚南路), since those are
/// too wide to tell matters apart. "保利花园小区" and "保利花园" are one place.
/// </summary>
internal sealed class PlaceExtractor
{
    private static readonly string[] Suffixes =
    [
        "小区", "花园", "新城", "家园", "公寓", "大厦", "广场", "社区", "大道", "小学", "中学", "学校", "幼儿园", "学院", "大学", "医院",
        "市场", "公园", "工业园", "产业园", "公司", "工厂", "搅拌站", "酒店", "苑", "府", "庭", "湾", "城", "村", "路", "街", "巷", "厂",
    ];

    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "投诉", "反映", "举报", "建议", "关于", "位于", "要求", "希望", "请问", "咨询", "购买", "居住", "住在", "我们", "我家", "本人", "业主",
        "门口", "附近", "旁边", "对面", "周边", "整个", "这个", "那个", "一个", "所在", "原来", "现在", "目前", "今年", "去年", "问题",
        "政府", "市政", "新", "老", "旧", "大", "小", "调整", "恢复", "经过", "取消", "增设",
    };

    // Single characters that are never part of a place name: prepositions, particles, pronouns.
    private const string FunctionCharacters = "为将对向被把给跟同让叫于在的了是和与及到从该这那个有无不没就都也还又要所等里内外上下旁边近此各每本请由至我你他她它们";

    // Government bodies (县委县政府), praise of a town (历史名城, 最美小城) and bus routes (公交线路)
    // end like places but are none.
    private static readonly string[] NotPlaceEndings = ["政府", "名城", "小城", "之城", "古城", "全城", "线路", "路线"];

    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal)
    {
        "马路", "道路", "公路", "小路", "学校", "小学", "中学", "医院", "公司", "物业公司", "工厂", "市场", "菜市场", "公园", "广场", "小区",
        "社区", "农村", "城市", "城", "政府", "乡村", "街", "新城", "老城", "县城", "商城", "进城", "全城", "家庭", "法庭", "开发商", "房地产公司",
        "县政府", "区政府", "市政府", "人民政府", "镇政府", "农村公路", "走投无路",
    };

    private readonly Dictionary<string, string> _gazetteer;
    private readonly Dictionary<string, string> _communityNames = new(StringComparer.Ordinal);

    public PlaceExtractor(IEnumerable<(string Name, string CommunityId)> gazetteer)
    {
        _gazetteer = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, communityId) in gazetteer)
        {
            var normalized = ChineseText.Normalize(name);
            if (normalized.Length >= 2)
            {
                _gazetteer.TryAdd(normalized, communityId);
                _communityNames.TryAdd(communityId, normalized);
            }
        }
    }

    public static PlaceExtractor Empty { get; } = new([]);

    public IReadOnlyCollection<string> GazetteerNames => _gazetteer.Keys;

    /// <summary>A name of the community (its first in the gazetteer), for labels.</summary>
    public string? CommunityName(string communityId) => _communityNames.GetValueOrDefault(communityId);

    /// <summary>The places among <paramref name="words"/> (from <see cref="Segmenter.Cut"/>), each once, in order.</summary>
    public IReadOnlyList<NamedPlace> Extract(IReadOnlyList<string> words)
    {
        var places = new List<NamedPlace>();
        var usedUpTo = -1;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (_gazetteer.TryGetValue(word, out var community))
            {
                places.Add(new NamedPlace(word, community));
                usedUpTo = i;
                continue;
            }

            if (!EndsWithSuffix(word))
            {
                continue;
            }

            var start = i;
            while (start - 1 > usedUpTo && i - start < 2 && IsNamePart(words[start - 1]))
            {
                start--;
            }

            if (start == i && i - 1 == usedUpTo && places.Count > 0 && word is "小区" or "社区")
            {
                continue; // "西湖君庭|小区": the place was just named
            }

            var full = WithoutAdministrativePrefix(string.Concat(words.Skip(start).Take(i - start)), word);
            var name = Trim(full);
            if (full.Length >= 3 && !Generic.Contains(name) && !Generic.Contains(full) && !Generic.Contains(WithoutCode(name)) && Array.IndexOf(Suffixes, name) < 0
                && !Array.Exists(NotPlaceEndings, e => name.EndsWith(e, StringComparison.Ordinal)))
            {
                places.Add(new NamedPlace(name, _gazetteer.GetValueOrDefault(name)));
                usedUpTo = i;
            }
        }

        return places.DistinctBy(p => p.Key).ToArray();
    }

    // Masked or coded prefixes ("k7县城", "a3区") say which county, not which place: "县城" is no name.
    private static string WithoutCode(string name) => name.TrimStart("abcdefghijklmnopqrstuvwxyz0123456789".ToCharArray()).TrimStart('县', '区', '市', '镇');

    private static bool EndsWithSuffix(string word)
    {
        foreach (var suffix in Suffixes)
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNamePart(string word) =>
        word.Length >= 1 && word.All(ChineseText.IsWordChar) && !NotNames.Contains(word) && !IsAdministrative(word) && !PartsOfSpeech.NeverInAName(word)
        && !(word.Length == 1 && FunctionCharacters.Contains(word[0], StringComparison.Ordinal));

    // jieba may glue a district marker to a name ("a3|区潇楚|南路"): the name starts after it.
    private static string WithoutAdministrativePrefix(string prefix, string last)
    {
        var cut = AdministrativeMarker(prefix);
        return (cut >= 0 && cut < prefix.Length - 1 ? prefix[(cut + 1)..] : prefix) + last;
    }

    private static bool IsAdministrative(string word) =>
        AdministrativeMarker(word) == word.Length - 1 || word.EndsWith("街道", StringComparison.Ordinal);

    // Where the last district, city, county or town marker is, ignoring words that only contain one (城市, 小区, 超市).
    private static int AdministrativeMarker(string text)
    {
        foreach (var word in MarkerLookalikes)
        {
            text = text.Replace(word, new string('_', word.Length), StringComparison.Ordinal);
        }

        return text.LastIndexOfAny(['区', '市', '县', '省', '镇', '乡']);
    }

    private static readonly string[] MarkerLookalikes = ["城市", "超市", "夜市", "集市", "小区", "社区", "园区", "街区", "城镇", "乡村", "家乡"];

    private static string Trim(string name) =>
        name.Length >= 4 && (name.EndsWith("小区", StringComparison.Ordinal) || name.EndsWith("社区", StringComparison.Ordinal)) ? name[..^2] : name;
}
