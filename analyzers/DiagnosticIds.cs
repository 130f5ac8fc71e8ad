namespace FastEndpointsGen.Analyzers;

/// <summary>Every diagnostic ID, named after what it reports. 1xxx routing, 2xxx binding, 3xxx validation, 4xxx JSON, 5xxx OpenAPI.</summary>
public static class DiagnosticIds
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

    public const string FEG3001ValidationAttributeOnWrongType = "FEG3001";
    public const string FEG3002InvalidRegularExpression = "FEG3002";
    public const string FEG3003MinimumAboveMaximum = "FEG3003";
    public const string FEG3004CompareNamesNoMember = "FEG3004";
    public const string FEG3005PatternCanBacktrackCatastrophically = "FEG3005";

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
}
