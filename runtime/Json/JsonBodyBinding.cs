using System;
using System.ComponentModel;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace FastEndpointsGen.Runtime;

/// <summary>
/// What reading a JSON body into a model gave a generated endpoint: the model, the request's errors with the body's
/// added, or an answer already written (413, 415, or a model's own exception handled as the server's).
/// </summary>
/// <typeparam name="T">The model type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct JsonBodyBinding<T>
{
    internal JsonBodyBinding(bool answered, bool isRead, bool isAbsent, T? value, RequestErrors? errors)
    {
        Answered = answered;
        IsRead = isRead;
        IsAbsent = isAbsent;
        Value = value;
        Errors = errors;
    }

    /// <summary>True when the response is already written: the endpoint returns without calling the handler.</summary>
    public bool Answered { get; }

    /// <summary>True when the request had a body and it was parsed (with or without errors).</summary>
    public bool IsRead { get; }

    /// <summary>True when there is no model to take values from: no body, or the body is JSON <c>null</c>.</summary>
    public bool IsAbsent { get; }

    /// <summary>The model; <c>default</c> when the body is absent or did not parse.</summary>
    public T? Value { get; }

    /// <summary>The request's errors so far, with the body's own.</summary>
    public RequestErrors? Errors { get; }
}
