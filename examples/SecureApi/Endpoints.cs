using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.Json.Serialization;
using FastEndpointsGen;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace SecureApi;

/// <summary>The OAuth2 password flow's form (<c>application/x-www-form-urlencoded</c>), as FastAPI's OAuth2PasswordRequestForm.</summary>
/// <param name="Username">Who signs in.</param>
/// <param name="Password">Their password.</param>
/// <param name="Scope">The scopes asked for, space-separated; empty for every scope the user has.</param>
/// <param name="GrantType">Always <c>password</c> when sent.</param>
public sealed record TokenForm(
    [Required] string Username,
    [Required, DataType(DataType.Password)] string Password,
    string? Scope = null,
    [property: FromForm(Name = "grant_type")][RegularExpression("password")] string? GrantType = null);

/// <summary>An issued token (RFC 6749 §5.1).</summary>
/// <param name="AccessToken">The JWT to send as <c>Authorization: Bearer …</c>.</param>
/// <param name="TokenType">Always <c>bearer</c>.</param>
/// <param name="ExpiresIn">Seconds until the token expires.</param>
/// <param name="Scope">The scopes granted, space-separated.</param>
public sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("scope")] string Scope);

/// <summary>The signed-in user, as the token describes them.</summary>
public sealed record Me(string Username, string? FullName, IReadOnlyList<string> Scopes, IReadOnlyList<string> Roles);

/// <summary>A note.</summary>
public sealed record Note(int Id, string Text, string Author);

/// <summary>A new note.</summary>
public sealed record NewNote([Required, StringLength(500, MinimumLength = 1)] string Text);

/// <summary>Sign in.</summary>
[EndpointGroup("", Tags = ["Auth"])]
public static class AuthEndpoints
{
    /// <summary>Get an access token</summary>
    /// <remarks>The OAuth2 password flow: post the form, send the returned token as <c>Authorization: Bearer …</c>.</remarks>
    /// <response code="400">Incorrect username or password, or a scope the user does not have.</response>
    [Post("/token", Name = "Token")]
    public static TokenResponse Token([FromForm] TokenForm form, TokenIssuer issuer)
    {
        var user = TokenIssuer.Authenticate(form.Username, form.Password) ?? throw new HttpError(400, "Incorrect username or password");
        var asked = (form.Scope ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (asked.Except(user.Scopes).FirstOrDefault() is { } refused)
        {
            throw new HttpError(400, $"The scope '{refused}' is not granted to {user.Username}");
        }

        var granted = asked.Length == 0 ? user.Scopes : asked;
        return new TokenResponse(issuer.Issue(user, granted), "bearer", (int)TokenIssuer.Lifetime.TotalSeconds, string.Join(' ', granted));
    }

    /// <summary>Who am I</summary>
    [Get("/users/me", Name = "Me", Tags = ["Users"])]
    [Authorize]
    public static Me Me(ClaimsPrincipal user) => new(
        user.FindFirstValue("sub") ?? "",
        user.FindFirstValue("name"),
        (user.FindFirstValue("scope") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries),
        user.FindAll("role").Select(c => c.Value).ToList());
}

/// <summary>Notes: reading needs <c>notes:read</c>, writing <c>notes:write</c>, deleting the <c>admin</c> role.</summary>
[EndpointGroup("/notes", Tags = ["Notes"])]
[Authorize]
public static class NoteEndpoints
{
    /// <summary>List notes</summary>
    [Get("/", Name = "ListNotes")]
    [RequiredScopes("notes:read")]
    public static IReadOnlyList<Note> List(NoteStore store) => store.All();

    /// <summary>Create a note</summary>
    [Post("/", Name = "CreateNote", StatusCode = 201)]
    [RequiredScopes("notes:write")]
    public static Note Create(NewNote note, NoteStore store, ClaimsPrincipal user) => store.Add(note.Text, user.FindFirstValue("sub") ?? "");

    /// <summary>Delete a note</summary>
    [Delete("/{id}", Name = "DeleteNote")]
    [Authorize(Roles = "admin")]
    public static void Delete(int id, NoteStore store)
    {
        if (!store.Remove(id))
        {
            throw new HttpError(404, "Note not found");
        }
    }
}

/// <summary>Notes in memory.</summary>
public sealed class NoteStore
{
    private readonly ConcurrentDictionary<int, Note> _notes = new();
    private int _lastId;

    /// <summary>Every note, oldest first.</summary>
    public IReadOnlyList<Note> All() => _notes.Values.OrderBy(n => n.Id).ToList();

    /// <summary>Stores a new note.</summary>
    public Note Add(string text, string author)
    {
        var note = new Note(Interlocked.Increment(ref _lastId), text, author);
        _notes[note.Id] = note;
        return note;
    }

    /// <summary>Removes a note; false when there is none with that id.</summary>
    public bool Remove(int id) => _notes.TryRemove(id, out _);
}
