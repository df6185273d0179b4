using Microsoft.AspNetCore.Authorization;
using Negotiations.Infrastructure;
using Negotiations.Security;
using Negotiations.Web.Layout;

namespace Negotiations.Web;

/// <summary>
/// The dashboard: server-rendered pages (Razor components, static rendering, no script) over the same queries and
/// command rules as the API, signed in by an API key kept in a cookie. Pages are not API operations: they stay out of
/// the OpenAPI document.
/// </summary>
public sealed class WebModule : IServiceModule
{
    public void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        WebSignIn.AddSchemes(builder.Services);
    }

    public void UsePipeline(WebApplication app)
    {
        app.UseAntiforgery();
        app.MapGet(DashboardStyle.Path, DashboardStyle.Serve).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(WebSignIn.SignOutPath, WebSignIn.SignOutAsync).ExcludeFromDescription()
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = WebSignIn.Scheme });
        app.MapRazorComponents<App>()
            .RequireAuthorization(new AuthorizeAttribute(SecurityModule.ReadPolicy) { AuthenticationSchemes = WebSignIn.Scheme });
    }
}
