using System.ComponentModel.DataAnnotations;

namespace FastEndpointsGen.TestApp;

/// <summary>Cookies read through an <c>[AsParameters]</c> model.</summary>
public sealed record CookiePreferences([FromCookie(Name = "theme")] Priority? Theme, [FromCookie] int Visits = 0);

public static class CookieEndpoints
{
    /// <summary>A required, validated session cookie and an optional number.</summary>
    [Get("/cookies/session")]
    public static string Session([FromCookie(Name = "session_id")][MinLength(4)] string session, [FromCookie] int? count) =>
        $"{session}|{count?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}";

    [Get("/cookies/preferences")]
    public static string Preferences([AsParameters] CookiePreferences preferences) => $"{preferences.Theme?.ToString() ?? "none"}|{preferences.Visits}";
}
