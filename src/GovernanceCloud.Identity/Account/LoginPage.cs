using System.Text.Encodings.Web;

namespace GovernanceCloud.Identity.Account;

/// <summary>The sign-in and signed-in pages: plain server-rendered HTML, every value encoded.</summary>
internal static class LoginPage
{
    /// <summary>The one message for every failed sign-in, so it never tells whether an account exists or is locked.</summary>
    public const string FailureMessage = "登录失败：用户名或密码错误，或账户已被停用或暂时锁定。请稍后重试，或联系管理员。";

    public static string SignIn(string antiforgeryField, string antiforgeryToken, string? returnUrl, string? userName, string? error)
    {
        var html = HtmlEncoder.Default;
        var errorBlock = error is null ? string.Empty : $"""<p class="error" role="alert">{html.Encode(error)}</p>""";
        return Page("登录", $"""
            <h1>相城区社会治理综合指挥平台</h1>
            <h2>登录</h2>
            {errorBlock}
            <form method="post" action="/account/login">
              <input type="hidden" name="{html.Encode(antiforgeryField)}" value="{html.Encode(antiforgeryToken)}">
              <input type="hidden" name="returnUrl" value="{html.Encode(returnUrl ?? string.Empty)}">
              <label for="userName">用户名</label>
              <input id="userName" name="userName" autocomplete="username" required maxlength="256" value="{html.Encode(userName ?? string.Empty)}">
              <label for="password">密码</label>
              <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="128">
              <button type="submit">登录</button>
            </form>
            <p class="hint">连续输错密码 5 次，账户将被锁定 15 分钟。</p>
            """);
    }

    public static string SignedIn(string displayName, string userName, string tenant, string antiforgeryField, string antiforgeryToken)
    {
        var html = HtmlEncoder.Default;
        return Page("已登录", $"""
            <h1>相城区社会治理综合指挥平台</h1>
            <p>您已登录：{html.Encode(displayName)}（{html.Encode(userName)}，{html.Encode(tenant)}）</p>
            <form method="post" action="/account/logout">
              <input type="hidden" name="{html.Encode(antiforgeryField)}" value="{html.Encode(antiforgeryToken)}">
              <button type="submit">退出登录</button>
            </form>
            """);
    }

    public static string SignedOut() => Page("已退出", """
        <h1>相城区社会治理综合指挥平台</h1>
        <p>您已安全退出。</p>
        <p><a href="/account/login">重新登录</a></p>
        """);

    private static string Page(string title, string body) => $$"""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>{{title}} - 社会治理综合指挥平台</title>
          <style>
            body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; background: #f3f5f8; margin: 0; }
            main { max-width: 380px; margin: 10vh auto; background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 2px 12px rgba(0,0,0,.08); }
            h1 { font-size: 1.15rem; color: #a8071a; margin-top: 0; }
            h2 { font-size: 1rem; }
            label { display: block; margin-top: 1rem; }
            input:not([type=hidden]) { width: 100%; box-sizing: border-box; padding: .5rem; margin-top: .25rem; }
            button { margin-top: 1.5rem; width: 100%; padding: .6rem; background: #a8071a; color: #fff; border: 0; border-radius: 4px; }
            .error { color: #a8071a; background: #fff1f0; padding: .5rem; border-radius: 4px; }
            .hint { color: #888; font-size: .85rem; }
          </style>
        </head>
        <body><main>
        {{body}}
        </main></body>
        </html>
        """;
}
