using System.Globalization;
using System.Text;
using System.Xml;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Negotiations.Alerts.Watching;

/// <summary>A watch's alerts as an Atom feed (RFC 4287), for any feed reader.</summary>
public static class WatchFeedEndpoint
{
    public const string AtomType = "application/atom+xml";

    [ProducesResponseType<string>(StatusCodes.Status200OK, AtomType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [EndpointSummary("A watch's alerts as an Atom feed")]
    [WolverineGet("/api/watches/{id}/feed.atom")]
    public static async Task<IResult> Get(Guid id, HttpContext context, IQuerySession session, CancellationToken cancellationToken)
    {
        if (await WatchEndpoints.FindAsync(id, context, session, cancellationToken) is not { } watch)
        {
            return Results.Problem(WatchEndpoints.NotFound(id));
        }

        var alerts = await WatchEndpoints.LatestAlertsAsync(session, id, cancellationToken);
        var origin = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";
        return Results.Text(Write(watch, alerts, origin), AtomType, Encoding.UTF8);
    }

    public static string Write(Watch watch, IReadOnlyList<Alert> alerts, string origin)
    {
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true }))
        {
            const string atom = "http://www.w3.org/2005/Atom";
            xml.WriteStartElement("feed", atom);
            xml.WriteElementString("id", atom, $"urn:uuid:{watch.Id}");
            xml.WriteElementString("title", atom, watch.Name);
            xml.WriteElementString("updated", atom, Instant(alerts.Count > 0 ? alerts[0].RecordedAt : watch.CreatedAt));
            xml.WriteStartElement("author", atom);
            xml.WriteElementString("name", atom, "Negotiations");
            xml.WriteEndElement();
            xml.WriteStartElement("link", atom);
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("href", $"{origin}/api/watches/{watch.Id}/feed.atom");
            xml.WriteEndElement();
            foreach (var alert in alerts)
            {
                xml.WriteStartElement("entry", atom);
                xml.WriteElementString("id", atom, $"urn:uuid:{alert.Id}");
                xml.WriteElementString("title", atom, $"{alert.Trigger}: {alert.EventType} on {alert.StreamKind} {alert.StreamId} (version {alert.Version})");
                xml.WriteElementString("updated", atom, Instant(alert.RecordedAt));
                xml.WriteStartElement("link", atom);
                xml.WriteAttributeString("href", origin + alert.Href);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return text.ToString();
    }

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
