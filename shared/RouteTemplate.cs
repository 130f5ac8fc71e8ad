using System;
using System.Collections.Generic;

namespace FastEndpointsGen.Shared;

/// <summary>One <c>{name:constraint=default}</c> parameter of a route template.</summary>
internal sealed record RouteParameter(string Name, IReadOnlyList<string> Constraints, bool IsOptional, bool IsCatchAll, string? DefaultValue);

/// <summary>
/// A route template split into its parameters, following ASP.NET Core's template syntax closely
/// enough to bind and to check templates at compile time (the router itself parses it again at startup).
/// </summary>
internal sealed class RouteTemplate
{
    private RouteTemplate(string text, IReadOnlyList<RouteParameter> parameters, string? error)
    {
        Text = text;
        Parameters = parameters;
        Error = error;
    }

    /// <summary>The template as written.</summary>
    public string Text { get; }

    /// <summary>The parameters in order of appearance.</summary>
    public IReadOnlyList<RouteParameter> Parameters { get; }

    /// <summary>Why the template is invalid, or null when it is valid.</summary>
    public string? Error { get; }

    /// <summary>Joins a group prefix and an endpoint template the way <c>MapGroup</c> does.</summary>
    public static string Combine(string? prefix, string template)
    {
        if (string.IsNullOrEmpty(prefix))
        {
            return template.Length == 0 ? "/" : template;
        }

        var left = prefix!.TrimEnd('/');
        var right = template.TrimStart('/');
        return right.Length == 0 ? (left.Length == 0 ? "/" : left) : left + "/" + right;
    }

    /// <summary>Finds a parameter by name, ignoring case as the router does.</summary>
    public RouteParameter? Find(string name)
    {
        foreach (var parameter in Parameters)
        {
            if (string.Equals(parameter.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return parameter;
            }
        }

        return null;
    }

    /// <summary>Parses a template; never throws, reports problems through <see cref="Error"/>.</summary>
    public static RouteTemplate Parse(string text)
    {
        var parameters = new List<RouteParameter>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '}')
            {
                if (i + 1 < text.Length && text[i + 1] == '}')
                {
                    i += 2;
                    continue;
                }

                return Invalid(text, "has a '}' with no matching '{'");
            }

            if (c != '{')
            {
                i++;
                continue;
            }

            if (i + 1 < text.Length && text[i + 1] == '{')
            {
                i += 2;
                continue;
            }

            var end = text.IndexOf('}', i + 1);
            if (end < 0)
            {
                return Invalid(text, "has a '{' with no matching '}'");
            }

            var parameter = ParseParameter(text.Substring(i + 1, end - i - 1), out var error);
            if (parameter is null)
            {
                return Invalid(text, error!);
            }

            if (!names.Add(parameter.Name))
            {
                return Invalid(text, $"uses the parameter name '{parameter.Name}' more than once");
            }

            parameters.Add(parameter);
            i = end + 1;
        }

        return new RouteTemplate(text, parameters, null);
    }

    private static RouteParameter? ParseParameter(string body, out string? error)
    {
        error = null;
        var isCatchAll = false;
        if (body.StartsWith("**", StringComparison.Ordinal))
        {
            isCatchAll = true;
            body = body.Substring(2);
        }
        else if (body.StartsWith("*", StringComparison.Ordinal))
        {
            isCatchAll = true;
            body = body.Substring(1);
        }

        string? defaultValue = null;
        var equals = body.IndexOf('=');
        if (equals >= 0)
        {
            defaultValue = body.Substring(equals + 1);
            body = body.Substring(0, equals);
        }

        var isOptional = body.EndsWith("?", StringComparison.Ordinal);
        if (isOptional)
        {
            body = body.Substring(0, body.Length - 1);
        }

        var parts = body.Split(':');
        var name = parts[0];
        if (name.Length == 0)
        {
            error = "has a parameter with no name";
            return null;
        }

        foreach (var ch in name)
        {
            if (!(char.IsLetterOrDigit(ch) || ch == '_'))
            {
                error = $"has an invalid parameter name '{name}'";
                return null;
            }
        }

        var constraints = new List<string>();
        for (var i = 1; i < parts.Length; i++)
        {
            if (parts[i].Length == 0)
            {
                error = $"has an empty constraint on '{name}'";
                return null;
            }

            constraints.Add(parts[i]);
        }

        return new RouteParameter(name, constraints, isOptional || defaultValue is not null, isCatchAll, defaultValue);
    }

    private static RouteTemplate Invalid(string text, string error) => new(text, Array.Empty<RouteParameter>(), error);
}
