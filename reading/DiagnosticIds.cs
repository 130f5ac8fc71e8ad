using System.Collections.Generic;

namespace FastEndpointsGen.Reading;

/// <summary>
/// Every diagnostic ID, named after what it reports. 1xxx routing, 2xxx binding, 3xxx validation, 4xxx JSON, 5xxx OpenAPI.
/// Here, in the reading, because the reader names the rule each <see cref="Problem"/> breaks; the analyzers own the
/// descriptors (docs/architecture.md#the-handler-reader).
/// </summary>
internal static class DiagnosticIds
{
    public const string FEG1001InvalidRouteTemplate = "FEG1001";
    public const string FEG1002RouteParameterMismatch = "FEG1002";
    public const string FEG1003DuplicateRoute = "FEG1003";
    public const string FEG1004HandlerNotAccessible = "FEG1004";
    public const string FEG1005UnsupportedReturnType = "FEG1005";
    public const string FEG1006MetadataNotConstructible = "FEG1006";
    public const string FEG1007StreamFormatWithoutStream = "FEG1007";
    public const string FEG1008DuplicateNameAcrossAssemblies = "FEG1008";
    public const string FEG1009DuplicateSchemaAcrossAssemblies = "FEG1009";

    public const string FEG2001AmbiguousBody = "FEG2001";
    public const string FEG2002BodyOnBodilessMethod = "FEG2002";
    public const string FEG2003UnbindableParameter = "FEG2003";
    public const string FEG2004RouteConstraintMismatch = "FEG2004";
    public const string FEG2005ServiceOfSimpleType = "FEG2005";
    public const string FEG2006ParameterByReference = "FEG2006";
    public const string FEG2007WebSocketParameter = "FEG2007";
    public const string FEG2008WebSocketHandlerReturnsValue = "FEG2008";
    public const string FEG2009MisshapenTryParse = "FEG2009";
    public const string FEG2010MisshapenBindAsync = "FEG2010";

    public const string FEG2011CookieCollection = "FEG2011";
    public const string FEG2017BodyMemberConflict = "FEG2017";

    public const string FEG3001ValidationAttributeOnWrongType = "FEG3001";
    public const string FEG3002InvalidRegularExpression = "FEG3002";
    public const string FEG3003MinimumAboveMaximum = "FEG3003";
    public const string FEG3004CompareNamesNoMember = "FEG3004";
    public const string FEG3005PatternCanBacktrackCatastrophically = "FEG3005";
    public const string FEG3006ValidationAttributeNotConstructible = "FEG3006";

    public const string FEG4001JsonFallback = "FEG4001";
    public const string FEG4002PolymorphicWithoutDerivedTypes = "FEG4002";
    public const string FEG4003NoConstructorToRead = "FEG4003";
    public const string FEG4004DuplicateJsonName = "FEG4004";
    public const string FEG4005DerivedTypeNotGenerated = "FEG4005";

    public const string FEG5001DuplicateOperationId = "FEG5001";
    public const string FEG5002ParamDocNamesNoParameter = "FEG5002";
    public const string FEG5003InvalidResponseCode = "FEG5003";

    public const string FEG5010InvalidSecurityScheme = "FEG5010";
    public const string FEG5011UndeclaredAuthenticationScheme = "FEG5011";
    public const string FEG5012UndeclaredScope = "FEG5012";

    /// <summary>
    /// The rules whose descriptors are errors: a reading with one of these is not served, the build fails at the
    /// user's line instead. A test holds this set and the descriptors' severities together.
    /// </summary>
    private static readonly HashSet<string> Errors =
    [
        FEG1001InvalidRouteTemplate, FEG1003DuplicateRoute, FEG1004HandlerNotAccessible, FEG1005UnsupportedReturnType,
        FEG1007StreamFormatWithoutStream, FEG1008DuplicateNameAcrossAssemblies, FEG1009DuplicateSchemaAcrossAssemblies,
        FEG2001AmbiguousBody, FEG2003UnbindableParameter, FEG2004RouteConstraintMismatch, FEG2006ParameterByReference,
        FEG2007WebSocketParameter, FEG2008WebSocketHandlerReturnsValue, FEG2009MisshapenTryParse, FEG2010MisshapenBindAsync,
        FEG2011CookieCollection, FEG2017BodyMemberConflict,
        FEG3002InvalidRegularExpression, FEG3003MinimumAboveMaximum, FEG3004CompareNamesNoMember, FEG3006ValidationAttributeNotConstructible,
        FEG4003NoConstructorToRead, FEG4004DuplicateJsonName, FEG4005DerivedTypeNotGenerated,
        FEG5001DuplicateOperationId, FEG5010InvalidSecurityScheme,
    ];

    /// <summary>True when the rule is an error: what breaks it cannot be served.</summary>
    public static bool IsError(string id) => Errors.Contains(id);

    // FEG5004–FEG5007 are taken: the build reports them, not an analyzer (the MSBuild task that writes the OpenAPI
    // document compares it with the committed baseline: tasks/BreakingChanges.cs, docs/openapi.md#breaking-changes).
}
