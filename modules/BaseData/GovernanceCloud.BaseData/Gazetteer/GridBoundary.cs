using System.Text.Json;

namespace GovernanceCloud.BaseData.Gazetteer;

/// <summary>A grid's boundary: the outer ring of a GeoJSON Polygon, tested by ray casting.</summary>
internal sealed class GridBoundary
{
    private readonly (double Lng, double Lat)[] _ring;

    private GridBoundary((double Lng, double Lat)[] ring) => _ring = ring;

    /// <summary>The boundary in <paramref name="geoJson"/>, or null when it is not a usable Polygon.</summary>
    public static GridBoundary? Parse(string? geoJson)
    {
        if (string.IsNullOrWhiteSpace(geoJson))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(geoJson);
            var root = document.RootElement;
            if (root.GetProperty("type").GetString() != "Polygon")
            {
                return null;
            }

            var ring = root.GetProperty("coordinates")[0].EnumerateArray()
                .Select(p => (p[0].GetDouble(), p[1].GetDouble()))
                .ToArray();
            return ring.Length >= 4 ? new GridBoundary(ring) : null;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    public bool Contains(double lat, double lng)
    {
        var inside = false;
        for (int i = 0, j = _ring.Length - 1; i < _ring.Length; j = i++)
        {
            var (xi, yi) = _ring[i];
            var (xj, yj) = _ring[j];
            if ((yi > lat) != (yj > lat) && lng < ((xj - xi) * (lat - yi) / (yj - yi)) + xi)
            {
                inside = !inside;
            }
        }

        return inside;
    }
}
