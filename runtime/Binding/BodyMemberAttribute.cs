using System;

namespace FastEndpointsGen;

/// <summary>
/// Binds a handler parameter from one top-level member of a JSON object body, FastAPI's <c>Body(embed=True)</c> and
/// multiple body parameters: with <c>[BodyMember] Item item, [BodyMember] User user</c> the body is
/// <c>{"item": {...}, "user": {...}}</c>. Each member is read, validated (errors at <c>body.item.&lt;member&gt;</c>) and
/// required like a model member, and the document describes the body as one object with a property per member
/// (docs/binding.md#several-body-members). ASP.NET Core has no such attribute.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = true)]
public sealed class BodyMemberAttribute : Attribute
{
    /// <summary>The member's JSON name; the parameter's name, as written, when not set.</summary>
    public string? Name { get; set; }
}
