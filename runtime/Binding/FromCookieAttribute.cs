using System;

namespace FastEndpointsGen;

/// <summary>
/// Binds a handler parameter (or an <c>[AsParameters]</c> member) from a request cookie, parsed and validated like a
/// query value; errors are located at <c>cookie.&lt;name&gt;</c> and the document describes it as <c>in: cookie</c>
/// (docs/binding.md#cookies). ASP.NET Core has no such attribute; this is FastAPI's <c>Cookie()</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class FromCookieAttribute : Attribute
{
    /// <summary>The cookie's name; the parameter's name when not set. Matched ignoring case, as <c>HttpRequest.Cookies</c> does.</summary>
    public string? Name { get; set; }
}
