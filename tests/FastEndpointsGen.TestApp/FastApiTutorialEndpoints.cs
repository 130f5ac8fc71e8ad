using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace FastEndpointsGen.TestApp;

/// <summary>The <c>Item</c> of FastAPI's body tutorials, members in FastAPI's order.</summary>
public sealed record PortedItem
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    public required double Price { get; init; }

    public double? Tax { get; init; }
}

/// <summary>The <c>User</c> of FastAPI's body-multiple-params tutorial.</summary>
public sealed record PortedUser
{
    public required string Username { get; init; }

    [JsonPropertyName("full_name")]
    public string? FullName { get; init; }
}

/// <summary>What the body-multiple-params tutorials answer: only the keys that were given.</summary>
public sealed record PortedItemUpdate(
    [property: JsonPropertyName("item_id")] int ItemId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PortedItem? Item = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PortedUser? User = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Importance = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Q = null);

/// <summary>The <c>CommonHeaders</c> of FastAPI's header-param-models tutorial.</summary>
public sealed record CommonHeaders(
    [FromHeader(Name = "save-data")] bool SaveData,
    [FromHeader(Name = "if-modified-since")] string? IfModifiedSince = null,
    [FromHeader(Name = "x-tag")] string[]? XTag = null);

/// <summary>What FastAPI's extra-data-types tutorial answers.</summary>
public sealed record ExtraDataResult(
    [property: JsonPropertyName("item_id")] Guid ItemId,
    [property: JsonPropertyName("start_datetime")] DateTime StartDatetime,
    [property: JsonPropertyName("end_datetime")] DateTime EndDatetime,
    [property: JsonPropertyName("process_after")] TimeSpan ProcessAfter,
    [property: JsonPropertyName("repeat_at")] TimeOnly? RepeatAt,
    [property: JsonPropertyName("start_process")] DateTime StartProcess,
    [property: JsonPropertyName("duration")] TimeSpan Duration);

/// <summary>
/// FastAPI's tutorial apps (docs_src) written as FastEndpointsGen handlers, one route prefix per tutorial, so the
/// tutorial tests can be ported request for request (tests/FastEndpointsGen.Tests/FastApiTutorialTests.cs).
/// </summary>
[EndpointGroup("/tutorial", Tags = ["FastAPI tutorial"])]
public static class FastApiTutorialEndpoints
{
    // body_multiple_params/tutorial001: a path parameter with bounds, an optional query and an optional body.
    [Put("/body-multiple-params/001/items/{item_id}")]
    public static PortedItemUpdate MixedParameters([Range(0, 1000)] int item_id, string? q = null, PortedItem? item = null) =>
        new(item_id, item, Q: q);

    // body_multiple_params/tutorial002: two body parameters, each a top-level member of the body.
    [Put("/body-multiple-params/002/items/{item_id}")]
    public static PortedItemUpdate TwoBodies(int item_id, [BodyMember] PortedItem item, [BodyMember] PortedUser user) =>
        new(item_id, item, user);

    // body_multiple_params/tutorial003: a singular value in the body, Body() in FastAPI.
    [Put("/body-multiple-params/003/items/{item_id}")]
    public static PortedItemUpdate SingularBodyValue(int item_id, [BodyMember] PortedItem item, [BodyMember] PortedUser user, [BodyMember] int importance) =>
        new(item_id, item, user, importance);

    // body_multiple_params/tutorial004: body members with validation next to a query parameter.
    [Put("/body-multiple-params/004/items/{item_id}")]
    public static PortedItemUpdate BodyAndQuery(int item_id, [BodyMember] PortedItem item, [BodyMember] PortedUser user,
        [BodyMember][Range(0, int.MaxValue, MinimumIsExclusive = true)] int importance, string? q = null) =>
        new(item_id, item, user, importance, q);

    // body_multiple_params/tutorial005: one body parameter embedded under its name, Body(embed=True) in FastAPI.
    [Put("/body-multiple-params/005/items/{item_id}")]
    public static PortedItemUpdate Embedded(int item_id, [BodyMember] PortedItem item) => new(item_id, item);

    // body/tutorial001: a single body parameter is the whole body.
    [Post("/body/items/")]
    public static PortedItem CreateItem(PortedItem item) => item;

    // path_params_numeric_validations/tutorial006: ge on the path, gt and lt on a float query.
    [Get("/path-params-numeric-validations/items/{item_id}")]
    public static string NumericValidations([Range(0, 1000)] int item_id, [Range(0, 10.5, MinimumIsExclusive = true, MaximumIsExclusive = true)] double size,
        string q) => $"{item_id} {size} {q}";

    // query_params_str_validations: length and pattern on an optional query, an alias, and a list.
    [Get("/query-params-str-validations/items/")]
    public static string StringValidations([FromQuery(Name = "item-query")][StringLength(50, MinimumLength = 3)][RegularExpression("^fixedquery$")] string? q = null) =>
        q ?? "none";

    [Get("/query-params-str-validations/list/")]
    public static string[] QueryList(string[] q) => q;

    // header_params: a header read by its name with dashes, and a repeated header.
    [Get("/header-params/items/")]
    public static string[] Headers([FromHeader(Name = "user-agent")] string? userAgent = null, [FromHeader(Name = "x-token")] string[]? tokens = null) =>
        [userAgent ?? "", .. tokens ?? []];

    // extra_data_types/tutorial001: UUID, datetimes, a timedelta and a time, all but the path in the body.
    [Put("/extra-data-types/items/{item_id}")]
    public static ExtraDataResult ExtraData(Guid item_id, [BodyMember] DateTime start_datetime, [BodyMember] DateTime end_datetime,
        [BodyMember] TimeSpan process_after, [BodyMember] TimeOnly? repeat_at = null)
    {
        var startProcess = start_datetime + process_after;
        return new(item_id, start_datetime, end_datetime, process_after, repeat_at, startProcess, end_datetime - startProcess);
    }

    // A timedelta in the query: seconds or an ISO 8601 duration.
    [Get("/extra-data-types/wait")]
    public static TimeSpan Wait(TimeSpan delay) => delay;

    // header_param_models: headers as one model; with RejectUnknownParameters it forbids extra headers.
    [Get("/header-param-models/items/")]
    public static string HeaderModel([AsParameters] CommonHeaders headers) =>
        $"{headers.SaveData}|{headers.IfModifiedSince}|{string.Join(",", headers.XTag ?? [])}";

    // cookie_params: an optional cookie.
    [Get("/cookie-params/items/")]
    public static string Cookies([FromCookie(Name = "ads_id")] string? adsId = null) => adsId ?? "none";
}
