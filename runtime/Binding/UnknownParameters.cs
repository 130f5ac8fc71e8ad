using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace FastEndpointsGen.Runtime;

public static partial class RequestValues
{
    // The field ASP.NET Core's anti-forgery reads its token from: part of every protected form, never a model's.
    private const string AntiforgeryField = "__RequestVerificationToken";

    /// <summary>
    /// With <see cref="FastEndpointsGenOptions.RejectUnknownParameters"/>: each query key the endpoint does not bind is
    /// <c>extra_forbidden</c> at <c>query.&lt;key&gt;</c>, as FastAPI's <c>extra="forbid"</c> query models answer
    /// (docs/binding.md#unknown-parameters). <paramref name="known"/> holds the bound names; matching ignores case.
    /// </summary>
    public static RequestErrors? RejectUnknownQuery(RequestErrors? errors, IQueryCollection query, string[] known)
    {
        foreach (var pair in query)
        {
            errors = RejectUnknown(errors, "query", pair.Key, pair.Value, known);
        }

        return errors;
    }

    /// <summary>The same for form fields and files, at <c>body.&lt;name&gt;</c>; the anti-forgery field is not the model's.</summary>
    public static RequestErrors? RejectUnknownForm(RequestErrors? errors, IFormCollection form, string[] known)
    {
        foreach (var pair in form)
        {
            if (!string.Equals(pair.Key, AntiforgeryField, StringComparison.OrdinalIgnoreCase))
            {
                errors = RejectUnknown(errors, "body", pair.Key, pair.Value, known);
            }
        }

        foreach (var file in form.Files)
        {
            errors = RejectUnknown(errors, "body", file.Name, StringValues.Empty, known);
        }

        return errors;
    }

    private static RequestErrors? RejectUnknown(RequestErrors? errors, string source, string name, StringValues values, string[] known)
    {
        if (Array.Exists(known, k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)))
        {
            return errors;
        }

        return RequestErrors.Invalid(errors, source, name, ErrorTypes.ExtraForbidden, values.Count == 0 ? null : values[0]);
    }
}
