namespace GovernanceCloud.Feeds.Open311;

/// <summary>A service request as GeoReport v2 names its fields (the names are the contract).</summary>
internal sealed record Open311Request
{
    public required string ServiceRequestId { get; init; }

    /// <summary><c>open</c> or <c>closed</c>.</summary>
    public required string Status { get; init; }

    /// <summary>Our own state, in Chinese.</summary>
    public string? StatusNotes { get; init; }

    public string? ServiceName { get; init; }

    public string? ServiceCode { get; init; }

    /// <summary>The complaint's title (its full text stays inside: it may name people).</summary>
    public string? Description { get; init; }

    /// <summary>The town center that handles it.</summary>
    public string? AgencyResponsible { get; init; }

    public string? ServiceNotice { get; init; }

    public DateTimeOffset RequestedDatetime { get; init; }

    public DateTimeOffset? UpdatedDatetime { get; init; }

    public DateTimeOffset? ExpectedDatetime { get; init; }

    public IEnumerable<KeyValuePair<string, string?>> Fields() =>
    [
        new("service_request_id", ServiceRequestId),
        new("status", Status),
        new("status_notes", StatusNotes),
        new("service_name", ServiceName),
        new("service_code", ServiceCode),
        new("description", Description),
        new("agency_responsible", AgencyResponsible),
        new("service_notice", ServiceNotice),
        new("requested_datetime", Open311Format.Time(RequestedDatetime)),
        new("updated_datetime", Open311Format.Time(UpdatedDatetime)),
        new("expected_datetime", Open311Format.Time(ExpectedDatetime)),
        new("address", null),
        new("address_id", null),
        new("zipcode", null),
        new("lat", null),
        new("long", null),
        new("media_url", null),
    ];
}
