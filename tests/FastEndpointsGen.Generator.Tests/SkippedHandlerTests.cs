using FastEndpointsGen.Generator.Tests.Infrastructure;
using NUnit.Framework;

namespace FastEndpointsGen.Generator.Tests;

/// <summary>
/// Handlers the generated code cannot serve are left out silently: no endpoint, no exception, no
/// diagnostic from the generator (the analyzers explain why), and the rest of the app still compiles.
/// </summary>
public class SkippedHandlerTests
{
    private static readonly object[] Cases =
    [
        new object[] { "private method", """
            public static class Handlers
            {
                [Get("/private")]
                private static string Skipped() => "";

                internal static string UseIt() => Skipped();
            }
            """ },
        new object[] { "protected method", """
            public class Handlers
            {
                [Get("/protected")]
                protected static string Skipped() => "";
            }
            """ },
        new object[] { "generic method", """
            public static class Handlers
            {
                [Get("/generic")]
                public static string Skipped<T>() => typeof(T).Name;
            }
            """ },
        new object[] { "method in a generic class", """
            public static class Handlers<T>
            {
                [Get("/generic-class")]
                public static string Skipped() => typeof(T).Name;
            }
            """ },
        new object[] { "method in a private nested class", """
            public static class Outer
            {
                private static class Handlers
                {
                    [Get("/hidden")]
                    public static string Skipped() => "";
                }
            }
            """ },
        new object[] { "instance method of an abstract class", """
            public abstract class Handlers
            {
                [Get("/abstract")]
                public string Skipped() => "";
            }
            """ },
        new object[] { "instance method of a class with no accessible constructor", """
            public sealed class Handlers
            {
                private Handlers()
                {
                }

                [Get("/no-constructor")]
                public string Skipped() => "";

                internal static Handlers Create() => new();
            }
            """ },
        new object[] { "two body candidates", """
            public sealed record First(string A);

            public sealed record Second(string B);

            public static class Handlers
            {
                [Post("/two-bodies")]
                public static string Skipped(First first, Second second) => first.A + second.B;
            }
            """ },
        new object[] { "invalid route template", """
            public static class Handlers
            {
                [Get("/items/{id")]
                public static string Skipped(int id) => "";
            }
            """ },
        new object[] { "duplicate route parameter", """
            public static class Handlers
            {
                [Get("/items/{id}/{ID}")]
                public static string Skipped(int id) => "";
            }
            """ },
        new object[] { "route parameter of a complex type", """
            public sealed record Key(int A, int B);

            public static class Handlers
            {
                [Get("/items/{key}")]
                public static string Skipped(Key key) => "";
            }
            """ },
    ];

    [TestCaseSource(nameof(Cases))]
    public void ProducesNoEndpointAndNoException(string description, string handlers)
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches($$"""
            using FastEndpointsGen;

            namespace Demo;

            {{handlers}}

            public static class Served
            {
                [Get("/served")]
                public static string Ok() => "ok";
            }
            """);

        Assert.That(result.Endpoints, Does.Contain("Maps the 1 endpoint "), description);
        Assert.That(result.Endpoints, Does.Contain("handlers.Served_Ok"), description);
        Assert.That(result.Endpoints, Does.Not.Contain("Skipped"), description);
    }
}
