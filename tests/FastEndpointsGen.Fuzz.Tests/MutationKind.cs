namespace FastEndpointsGen.Fuzz.Tests;

/// <summary>
/// What a generated request changes in an operation's valid request. The known-failure list names pairs of an
/// operation and one of these, so each kind is one recognisable way of being hostile.
/// </summary>
internal enum MutationKind
{
    // Request line and headers: every operation.
    WrongMethod,
    HostileHeaders,
    OddContentType,
    ExtraQuery,

    // Route, query and header parameters.
    ParameterWrongType,
    ParameterNumberEdge,
    ParameterOutOfRange,
    ParameterPatternTrailingNewline,
    ParameterPatternBacktracking,
    ParameterHostileString,
    ParameterMissing,
    ParameterDuplicated,
    ParameterHugeArray,

    // JSON bodies.
    JsonWrongType,
    JsonNumberEdge,
    JsonConstraintViolation,
    JsonMissingMember,
    JsonExtraMember,
    JsonDuplicateKey,
    JsonHostileString,
    JsonDeepNesting,
    JsonHugeArray,
    JsonTruncated,
    JsonTrailingGarbage,
    JsonInvalidUtf8,

    // Form bodies.
    MultipartNoBoundary,
    MultipartTruncated,
    MultipartWrongBoundary,
    MultipartManyParts,
    MultipartHostileNames,
    MultipartMissingField,
    FormUrlEncoded,

    // Raw (Stream, PipeReader) bodies.
    RawBytes,
}
