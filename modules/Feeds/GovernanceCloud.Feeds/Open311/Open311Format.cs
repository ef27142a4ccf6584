using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml;
using Microsoft.AspNetCore.Http;

namespace GovernanceCloud.Feeds.Open311;

/// <summary>
/// GeoReport v2's two formats, chosen by the path's extension: JSON (an array of objects) and XML
/// (a root element holding one element per item), with the same field names; errors as a list of
/// <c>code</c> and <c>description</c>.
/// </summary>
internal static class Open311Format
{
    public const string Json = "json";
    public const string Xml = "xml";

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static bool IsKnown(string format) => format is Json or Xml;

    public static string? Time(DateTimeOffset? time) => time?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>Items of one kind: <paramref name="root"/> and <paramref name="item"/> name the XML elements.</summary>
    public static IResult Items(string format, string root, string item, IEnumerable<IEnumerable<KeyValuePair<string, string?>>> items, int status = StatusCodes.Status200OK) =>
        new Payload(format, status, format == Xml ? WriteXml(root, item, items) : WriteJson(items));

    public static IResult Error(string format, int status, string description) =>
        Items(format, "errors", "error", [[new("code", status.ToString(CultureInfo.InvariantCulture)), new("description", description)]], status);

    private static byte[] WriteJson(IEnumerable<IEnumerable<KeyValuePair<string, string?>>> items)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, JsonOptions))
        {
            writer.WriteStartArray();
            foreach (var fields in items)
            {
                writer.WriteStartObject();
                foreach (var (name, value) in fields)
                {
                    if (name == "code" && int.TryParse(value, CultureInfo.InvariantCulture, out var code))
                    {
                        writer.WriteNumber(name, code);
                    }
                    else if (value is null)
                    {
                        writer.WriteNull(name);
                    }
                    else
                    {
                        writer.WriteString(name, value);
                    }
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return buffer.ToArray();
    }

    private static byte[] WriteXml(string root, string item, IEnumerable<IEnumerable<KeyValuePair<string, string?>>> items)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement(root);
            foreach (var fields in items)
            {
                writer.WriteStartElement(item);
                foreach (var (name, value) in fields)
                {
                    writer.WriteElementString(name, value ?? "");
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    private sealed class Payload(string format, int status, byte[] body) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = format == Xml ? "text/xml; charset=utf-8" : "application/json; charset=utf-8";
            return httpContext.Response.Body.WriteAsync(body).AsTask();
        }
    }
}
