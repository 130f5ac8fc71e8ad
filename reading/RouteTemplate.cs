using System;
using System.Collections.Generic;

namespace FastEndpointsGen.Reading;

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

    /// <summary>
    /// The template with each literal run passed through <paramref name="literal"/> (escaped <c>{{</c> and <c>}}</c> stay
    /// as written) and each parameter replaced by <paramref name="parameter"/>'s text for it: the OpenAPI path
    /// (<c>{id:int}</c> → <c>{id}</c>) and the router's matching key are both written this way. An invalid template is returned as it is.
    /// </summary>
    public string Rewrite(Func<string, string> literal, Func<RouteParameter, string> parameter)
    {
        if (Error is not null)
        {
            return Text;
        }

        var result = new System.Text.StringBuilder();
        var index = 0;
        var start = 0;
        for (var i = 0; i < Text.Length; i++)
        {
            if (Text[i] is '{' or '}' && i + 1 < Text.Length && Text[i + 1] == Text[i])
            {
                i++;
                continue;
            }

            if (Text[i] == '{')
            {
                result.Append(literal(Text.Substring(start, i - start))).Append(parameter(Parameters[index++]));
                i = ParameterEnd(Text, i + 1);
                start = i + 1;
            }
        }

        return result.Append(literal(Text.Substring(start))).ToString();
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

            var end = ParameterEnd(text, i + 1);
            if (end < 0)
            {
                return Invalid(text, "has a '{' with no matching '}'");
            }

            var parameter = ParseParameter(text.Substring(i + 1, end - i - 1).Replace("{{", "{").Replace("}}", "}"), out var error);
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

    /// <summary>The closing brace of a parameter; <c>{{</c> and <c>}}</c> inside it (regex constraints) are escapes.</summary>
    private static int ParameterEnd(string text, int start)
    {
        for (var j = start; j < text.Length; j++)
        {
            if (text[j] is '{' or '}' && j + 1 < text.Length && text[j + 1] == text[j])
            {
                j++;
                continue;
            }

            if (text[j] == '}')
            {
                return j;
            }
        }

        return -1;
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

        // Constraints follow the first ':'; a regex constraint may itself contain ':' and parentheses.
        var colon = body.IndexOf(':');
        var name = colon < 0 ? body : body.Substring(0, colon);
        var parts = colon < 0 ? new[] { name } : SplitConstraints(name, body.Substring(colon + 1));
        if (name.Length == 0)
        {
            error = "has a parameter with no name";
            return null;
        }

        foreach (var ch in name)
        {
            // ASP.NET Core allows any name without these characters (so "product-id" is valid).
            if (ch is '/' or '{' or '}' or '?' or '*' or '=' || char.IsWhiteSpace(ch))
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

    private static string[] SplitConstraints(string name, string constraints)
    {
        var parts = new List<string> { name };
        var depth = 0;
        var start = 0;
        for (var i = 0; i < constraints.Length; i++)
        {
            switch (constraints[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case ':' when depth == 0:
                    parts.Add(constraints.Substring(start, i - start));
                    start = i + 1;
                    break;
            }
        }

        parts.Add(constraints.Substring(start));
        return parts.ToArray();
    }

    private static RouteTemplate Invalid(string text, string error) => new(text, Array.Empty<RouteParameter>(), error);
}
