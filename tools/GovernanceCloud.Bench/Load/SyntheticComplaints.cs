using System.Globalization;
using GovernanceCloud.Intake.Contracts;

namespace GovernanceCloud.Bench.Load;

/// <summary>A named place of the demo district a complaint can be about: an estate of a town, or a road.</summary>
internal sealed record Place(string Name, string? TownName);

/// <summary>How often a complaint is a petitioner's repeat, or about a matter others already raised.</summary>
internal sealed record SyntheticMix(double RepeatRate = 0.05, double SharedRate = 0.15);

/// <summary>
/// Realistic Chinese complaints, deterministic by seed: a category's matter at one of the demo
/// district's estates or roads, worded one of several ways with a resident's own opening and
/// closing; some petitioners complain again, some matters are raised by many residents. The
/// same seed and places give the same complaints, so runs and storage modes compare.
/// </summary>
internal sealed class SyntheticComplaints(int seed, IReadOnlyList<Place> places, SyntheticMix mix)
{
    // Only recent matters and petitioners recur, as in a real pool; bounded, so a million stays small.
    private const int Recent = 4096;
    private readonly Random _random = new(seed);
    private readonly List<(ComplaintTemplates.Matter Matter, Place Place)> _matters = [];
    private readonly List<(string Name, string Phone)> _petitioners = [];
    private readonly int _totalWeight = ComplaintTemplates.Channels.Sum(c => c.Weight);
    private int _next;

    /// <summary>The next complaint, received at <paramref name="receivedAt"/>.</summary>
    public ComplaintRequest Next(DateTimeOffset receivedAt)
    {
        var index = _next++;
        var (matter, place) = PickMatter();
        var (name, phone) = PickPetitioner(index);
        var phrasing = matter.Phrasings[_random.Next(matter.Phrasings.Length)];
        var detail = matter.Details[_random.Next(matter.Details.Length)];
        var content = Pick(ComplaintTemplates.Openers) + phrasing.Replace("{place}", place.Name, StringComparison.Ordinal).Replace("{detail}", detail, StringComparison.Ordinal)
            + Pick(ComplaintTemplates.Closers);
        var address = place.TownName is { } town
            ? $"{town}{place.Name}{_random.Next(1, 40)}幢"
            : $"相城区{place.Name}{_random.Next(1, 900)}号";
        return new ComplaintRequest(
            Channel: PickChannel(),
            ExternalId: string.Create(CultureInfo.InvariantCulture, $"syn-{seed}-{index}"),
            ReceivedAt: receivedAt.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture),
            TownId: null,
            Petitioner: new PetitionerRequest(name, phone, null),
            Title: matter.Title.Replace("{place}", place.Name, StringComparison.Ordinal),
            Content: content,
            Address: _random.NextDouble() < 0.8 ? address : null,
            Category: _random.NextDouble() < 0.7 ? matter.Category : null,
            Location: null);
    }

    /// <summary><paramref name="count"/> receipt times spread evenly over the year from <paramref name="start"/>, in order.</summary>
    public static DateTimeOffset At(DateTimeOffset start, long index, long count) =>
        start + TimeSpan.FromTicks((long)(TimeSpan.FromDays(365).Ticks * (index / (double)Math.Max(count, 1))));

    private (ComplaintTemplates.Matter, Place) PickMatter()
    {
        if (_matters.Count > 0 && _random.NextDouble() < mix.SharedRate)
        {
            // Recent matters are the ones still being complained about.
            var back = (int)Math.Min(_matters.Count - 1, Math.Abs(_random.NextDouble() * _random.NextDouble() * 64));
            return _matters[_matters.Count - 1 - back];
        }

        var opened = (ComplaintTemplates.All[_random.Next(ComplaintTemplates.All.Length)], PickPlace());
        Remember(_matters, opened);
        return opened;
    }

    private Place PickPlace() =>
        places.Count == 0 || _random.NextDouble() < 0.15
            ? new Place(ComplaintTemplates.Roads[_random.Next(ComplaintTemplates.Roads.Length)], null)
            : places[_random.Next(places.Count)];

    private (string Name, string Phone) PickPetitioner(int index)
    {
        if (_petitioners.Count > 0 && _random.NextDouble() < mix.RepeatRate)
        {
            return _petitioners[_petitioners.Count - 1 - _random.Next(Math.Min(_petitioners.Count, 256))];
        }

        // A mobile number per new petitioner, distinct for the first hundred million.
        var phone = string.Create(CultureInfo.InvariantCulture, $"1{3 + (index % 7)}{(index + ((long)seed * 7919)) % 1_000_000_000:000000000}");
        var petitioner = (Pick(ComplaintTemplates.Surnames) + Pick(ComplaintTemplates.GivenNames), phone);
        Remember(_petitioners, petitioner);
        return petitioner;
    }

    private string PickChannel()
    {
        var roll = _random.Next(_totalWeight);
        foreach (var (code, weight) in ComplaintTemplates.Channels)
        {
            roll -= weight;
            if (roll < 0)
            {
                return code;
            }
        }

        return ComplaintTemplates.Channels[0].Code;
    }

    private string Pick(string[] options) => options[_random.Next(options.Length)];

    private static void Remember<T>(List<T> recent, T item)
    {
        if (recent.Count == Recent)
        {
            recent.RemoveRange(0, Recent / 2);
        }

        recent.Add(item);
    }
}
