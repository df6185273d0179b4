namespace Negotiations.Infrastructure;

/// <summary>
/// HEAD on any GET route (RFC 9110 §9.3.2): the request is served as the GET it stands for, with the same status and
/// headers, and its body is dropped. The routes themselves declare GET only.
/// </summary>
public static class HeadRequests
{
    public static async Task AnswerAsGet(HttpContext context, RequestDelegate next)
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        context.Request.Method = HttpMethods.Get;
        var body = context.Response.Body;
        context.Response.Body = Stream.Null;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
            context.Request.Method = HttpMethods.Head;
        }
    }
}
