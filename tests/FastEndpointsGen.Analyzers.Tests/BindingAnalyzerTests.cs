using FastEndpointsGen.Analyzers.Tests.Infrastructure;

namespace FastEndpointsGen.Analyzers.Tests;

public class BindingAnalyzerTests
{
    private const string Models = """
        public sealed record First(string A);

        public sealed record Second(string B);

        public sealed class Store
        {
        }
        """;

    [Test]
    public Task EveryBindingSourceReportsNothing() => Verify<BindingAnalyzer>.AnalyzerAsync(Models + """

        public static class Handlers
        {
            [Post("/items/{id:int}")]
            public static string Create(int id, First body, Store store, [Microsoft.AspNetCore.Mvc.FromHeader(Name = "x-tag")] string? tag,
                int[] ids, CancellationToken cancellationToken, [Microsoft.AspNetCore.Mvc.FromServices] Store other) => "";

            [Get("/items/{id:guid}")]
            public static string Get(Guid id, int limit = 10) => "";
        }
        """);

    [Test]
    public Task FEG2001_TwoBodyCandidates() => Verify<BindingAnalyzer>.AnalyzerAsync(Models + """

        public static class Handlers
        {
            [Post("/two-bodies")]
            public static string Create(First {|FEG2001:first|}, Second {|FEG2001:second|}) => "";
        }
        """);

    [Test]
    public Task FEG2001_ResolvedWithAttributes() => Verify<BindingAnalyzer>.AnalyzerAsync(Models + """

        public static class Handlers
        {
            [Post("/one-body")]
            public static string Create([Microsoft.AspNetCore.Mvc.FromBody] First first, [Microsoft.AspNetCore.Mvc.FromServices] Second second) => "";

            [Get("/no-body-on-get")]
            public static string Get(First first, Second second) => "";
        }
        """);

    [Test]
    public Task FEG2002_ExplicitBodyOnGetAndDelete() => Verify<BindingAnalyzer>.AnalyzerAsync(Models + """

        public static class Handlers
        {
            [Get("/search")]
            public static string Search([Microsoft.AspNetCore.Mvc.FromBody] First {|FEG2002:query|}) => "";

            [Delete("/items")]
            public static string Delete([Microsoft.AspNetCore.Mvc.FromBody] First {|FEG2002:items|}) => "";

            [Put("/items")]
            public static string Put([Microsoft.AspNetCore.Mvc.FromBody] First items) => "";
        }
        """);

    [Test]
    public Task FEG2003_ComplexTypeFromRouteQueryOrHeader() => Verify<BindingAnalyzer>.AnalyzerAsync(Models + """

        public static class Handlers
        {
            [Get("/items/{key}")]
            public static string ByRoute(First {|FEG2003:key|}) => "";

            [Get("/query")]
            public static string ByQuery([Microsoft.AspNetCore.Mvc.FromQuery] First {|FEG2003:filter|}) => "";

            [Get("/header")]
            public static string ByHeader([Microsoft.AspNetCore.Mvc.FromHeader] Second {|FEG2003:tag|}) => "";
        }
        """);

    [Test]
    public Task FEG2003_ParsableTypesBind() => Verify<BindingAnalyzer>.AnalyzerAsync("""
        using System.Diagnostics.CodeAnalysis;

        public readonly record struct Sku(string Value) : IParsable<Sku>
        {
            public static Sku Parse(string s, IFormatProvider? provider) => new(s);

            public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Sku result)
            {
                result = new(s ?? "");
                return s is not null;
            }
        }

        public static class Handlers
        {
            [Get("/items/{sku}")]
            public static string Get(Sku sku, [Microsoft.AspNetCore.Mvc.FromQuery] Sku[] related, [Microsoft.AspNetCore.Mvc.FromHeader] DateOnly since) => "";
        }
        """);

    [Test]
    public Task FEG2004_ConstraintDisagreesWithType() => Verify<BindingAnalyzer>.AnalyzerAsync("""
        public static class Handlers
        {
            [Get("/items/{id:int}")]
            public static string Get(Guid {|FEG2004:id|}) => "";

            [Get("/flags/{on:bool}")]
            public static string Flag(int {|FEG2004:on|}) => "";
        }
        """);

    [Test]
    public Task FEG2004_ConstraintsThatAgree() => Verify<BindingAnalyzer>.AnalyzerAsync("""
        public static class Handlers
        {
            [Get("/items/{id:int:min(1)}")]
            public static string Get(int id) => "";

            [Get("/keys/{key:guid}")]
            public static string Key(Guid key) => "";

            [Get("/names/{name:alpha:maxlength(10)}")]
            public static string Name(string name) => name;

            [Get("/texts/{id:long}")]
            public static string Text(string id) => id;
        }
        """);

    [Test]
    public Task FEG2005_FromServicesOnSimpleType() => Verify<BindingAnalyzer>.AnalyzerAsync(Models + """

        public static class Handlers
        {
            [Get("/items")]
            public static string Get([Microsoft.AspNetCore.Mvc.FromServices] int {|FEG2005:limit|}, [Microsoft.AspNetCore.Mvc.FromServices] Store store) => "";
        }
        """);

    [Test]
    public Task FEG2006_ParameterByReference() => Verify<BindingAnalyzer>.AnalyzerAsync("""
        public static class Handlers
        {
            [Get("/next")]
            public static void Next(int after, out int {|FEG2006:next|}) => next = after + 1;

            [Get("/bump")]
            public static string Bump(ref int {|FEG2006:value|}) => (value++).ToString();

            [Get("/read")]
            public static string Read(in int value) => value.ToString();
        }
        """);

    [Test]
    public Task FEG2009_MisshapenTryParse() => Verify<BindingAnalyzer>.AnalyzerAsync("""
        public sealed class Cursor
        {
            public static Cursor? TryParse(string text) => null;
        }

        public readonly record struct Good(int At)
        {
            public static bool TryParse(string? text, out Good good) { good = default; return true; }
        }

        public static class Handlers
        {
            [Get("/items")]
            public static string Get([Microsoft.AspNetCore.Mvc.FromQuery] Cursor {|FEG2009:cursor|}, Good good) => "";
        }
        """);

    [Test]
    public Task FEG2011_CookieCollection() => Verify<BindingAnalyzer>.AnalyzerAsync("""
        public sealed record Prefs([FastEndpointsGen.FromCookie] List<string> Tags, [FastEndpointsGen.FromCookie] string? Theme);

        public static class Handlers
        {
            [Get("/tags")]
            public static string Tags([FastEndpointsGen.FromCookie] string[] {|FEG2011:tags|}, [FastEndpointsGen.FromCookie(Name = "s")] int session) => "";

            [Get("/prefs")]
            public static string Prefs([Microsoft.AspNetCore.Http.AsParameters] Prefs {|FEG2011:prefs|}) => ""; // reported at the [AsParameters] parameter
        }
        """);

    [Test]
    public Task FEG2017_BodyMemberConflicts() => Verify<BindingAnalyzer>.AnalyzerAsync(Models + """

        public sealed record Paging([FastEndpointsGen.BodyMember] int Page);

        public static class Handlers
        {
            [Put("/whole")]
            public static string Whole([FastEndpointsGen.BodyMember] First {|FEG2017:first|}, Second second) => "";

            [Put("/form")]
            public static string Form([FastEndpointsGen.BodyMember] First {|FEG2017:first|}, [Microsoft.AspNetCore.Mvc.FromForm] string name) => "";

            [Put("/names")]
            public static string Names([FastEndpointsGen.BodyMember(Name = "x")] First {|FEG2017:first|}, [FastEndpointsGen.BodyMember(Name = "x")] Second {|FEG2017:second|}) => "";

            [Put("/paging")]
            public static string Paged([Microsoft.AspNetCore.Http.AsParameters] Paging {|FEG2017:paging|}) => "";

            [Put("/fine")]
            public static string Fine([FastEndpointsGen.BodyMember] First first, [FastEndpointsGen.BodyMember] Second second, [FastEndpointsGen.BodyMember] int importance) => "";

            [Delete("/items")]
            public static string Delete([FastEndpointsGen.BodyMember] First {|FEG2002:first|}) => "";
        }
        """);

    [Test]
    public Task FEG2010_MisshapenBindAsync() => Verify<BindingAnalyzer>.AnalyzerAsync("""
        public sealed class CurrentUser
        {
            public static System.Threading.Tasks.Task<CurrentUser> BindAsync(Microsoft.AspNetCore.Http.HttpContext context) => null!;
        }

        public sealed record Paging(int Page)
        {
            public static System.Threading.Tasks.ValueTask<Paging?> BindAsync(Microsoft.AspNetCore.Http.HttpContext context, System.Reflection.ParameterInfo parameter) => new(new Paging(1));
        }

        public sealed record Query(Paging Paging);

        public static class Handlers
        {
            [Get("/me")]
            public static string Me(CurrentUser {|FEG2010:user|}) => "";

            [Get("/items")]
            public static string Items(Paging paging, [Microsoft.AspNetCore.Http.AsParameters] Query {|FEG2010:query|}) => "";
        }
        """);

    [Test]
    public Task FromFormModel_BindsItsMembers_AndReportsOnlyMembersThatCannotBeFormFields() => Verify<BindingAnalyzer>.AnalyzerAsync("""
        public sealed record Address(string Street);

        public sealed record Signup(string Name, int Age, Address Home)
        {
            public IFormFile? Avatar { get; set; }
        }

        public sealed record Plain(string Name, int Age);

        public static class Handlers
        {
            [Post("/signup")]
            public static string Create([Microsoft.AspNetCore.Mvc.FromForm] Signup {|FEG2003:signup|}) => "";

            [Post("/plain")]
            public static string Plain([Microsoft.AspNetCore.Mvc.FromForm] Plain plain) => "";
        }
        """);
}
