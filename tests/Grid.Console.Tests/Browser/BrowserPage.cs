using System.Text.Json;

namespace Grid.Console.Tests.Browser;

/// <summary>
/// One tab driven as a user would: navigate, wait for what the page shows, click at an element's
/// centre with the mouse, type with the keyboard, take screenshots. Script errors, failed loads and
/// console errors are collected in <see cref="Errors"/>.
/// </summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(20);
    private readonly CdpConnection _cdp;
    private readonly string _session;
    private readonly string _target;
    private readonly List<string> _errors = [];

    private BrowserPage(CdpConnection cdp, string session, string target)
    {
        _cdp = cdp;
        _session = session;
        _target = target;
    }

    /// <summary>Uncaught exceptions, console errors and failed requests seen so far.</summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    public static async Task<BrowserPage> OpenAsync(CdpConnection cdp, int width, int height)
    {
        var target = (await cdp.SendAsync("Target.createTarget", new { url = "about:blank" })).GetProperty("targetId").GetString()!;
        var session = (await cdp.SendAsync("Target.attachToTarget", new { targetId = target, flatten = true })).GetProperty("sessionId").GetString()!;
        var page = new BrowserPage(cdp, session, target);
        cdp.Event += page.OnEvent;
        await page.Send("Page.enable");
        await page.Send("Runtime.enable");
        await page.Send("Log.enable");
        await page.Send("Emulation.setDeviceMetricsOverride", new { width, height, deviceScaleFactor = 1, mobile = false });
        return page;
    }

    /// <summary>Opens <paramref name="url"/> and waits for the document to load.</summary>
    public async Task GotoAsync(string url)
    {
        await Send("Page.navigate", new { url });
        await WaitForAsync("document.readyState === 'complete' && location.href !== 'about:blank'", $"{url} to load");
    }

    /// <summary>Evaluates a JavaScript expression (promises awaited) and returns its JSON value.</summary>
    public async Task<T> EvaluateAsync<T>(string expression)
    {
        var reply = await Send("Runtime.evaluate", new { expression, returnByValue = true, awaitPromise = true });
        if (reply.TryGetProperty("exceptionDetails", out var thrown))
        {
            var text = thrown.TryGetProperty("exception", out var ex) && ex.TryGetProperty("description", out var d) ? d.GetString() : thrown.GetProperty("text").GetString();
            throw new CdpException($"{expression} threw: {text}");
        }

        return reply.GetProperty("result").TryGetProperty("value", out var value) ? value.Deserialize<T>()! : default!;
    }

    /// <summary>Waits until the JavaScript <paramref name="condition"/> holds; fails saying what was awaited and what the page shows.</summary>
    public async Task WaitForAsync(string condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultWait);
        while (true)
        {
            try
            {
                if (await EvaluateAsync<bool>($"!!({condition})"))
                {
                    return;
                }
            }
            catch (CdpException)
            {
                // The document is being replaced (navigation): ask again.
            }

            if (DateTime.UtcNow > deadline)
            {
                var shown = await TryEvaluate("document.body ? document.body.innerText.slice(0, 1500) : ''");
                throw new TimeoutException($"waited {(timeout ?? DefaultWait).TotalSeconds} s for {what} ({condition}).\nPage: {shown}\nErrors: {string.Join(" | ", Errors)}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Waits until an element matches <paramref name="selector"/>.</summary>
    public Task WaitForSelectorAsync(string selector, string what, TimeSpan? timeout = null)
        => WaitForAsync($"document.querySelector({Js(selector)})", what, timeout);

    /// <summary>The text of the first element matching <paramref name="selector"/> (null when none).</summary>
    public Task<string?> TextAsync(string selector)
        => EvaluateAsync<string?>($"document.querySelector({Js(selector)})?.textContent ?? null");

    /// <summary>Moves the mouse to the element's centre and clicks.</summary>
    public async Task ClickAsync(string selector)
    {
        var at = await EvaluateAsync<double[]?>(
            $"(() => {{ const el = document.querySelector({Js(selector)}); if (!el) return null; el.scrollIntoView({{ block: 'center' }}); " +
            "const r = el.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()")
            ?? throw new CdpException($"nothing to click: no element matches {selector}");
        await Send("Input.dispatchMouseEvent", new { type = "mouseMoved", x = at[0], y = at[1] });
        await Send("Input.dispatchMouseEvent", new { type = "mousePressed", x = at[0], y = at[1], button = "left", clickCount = 1 });
        await Send("Input.dispatchMouseEvent", new { type = "mouseReleased", x = at[0], y = at[1], button = "left", clickCount = 1 });
    }

    /// <summary>Clicks into a field, selects what it holds and types <paramref name="text"/> over it.</summary>
    public async Task TypeAsync(string selector, string text)
    {
        await ClickAsync(selector);
        await EvaluateAsync<bool>($"(() => {{ document.querySelector({Js(selector)}).select?.(); return true; }})()");
        await Send("Input.insertText", new { text });
    }

    /// <summary>Presses and releases Enter.</summary>
    public async Task PressEnterAsync()
    {
        await Send("Input.dispatchKeyEvent", new { type = "keyDown", key = "Enter", code = "Enter", windowsVirtualKeyCode = 13, text = "\r" });
        await Send("Input.dispatchKeyEvent", new { type = "keyUp", key = "Enter", code = "Enter", windowsVirtualKeyCode = 13 });
    }

    /// <summary>
    /// Saves a PNG of the whole page (beyond the viewport) to <paramref name="path"/>, scrolled to the
    /// top (the sticky bar would cover content otherwise) once transitions have finished.
    /// </summary>
    public async Task ScreenshotAsync(string path)
    {
        await EvaluateAsync<bool>("(document.activeElement?.blur(), window.scrollTo(0, 0), true)");
        await WaitForAsync("document.getAnimations().every(a => a.playState !== 'running')", "transitions to finish");
        await EvaluateAsync<bool>("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))");
        var size = (await Send("Page.getLayoutMetrics")).GetProperty("cssContentSize");
        var clip = new { x = 0, y = 0, width = Math.Ceiling(size.GetProperty("width").GetDouble()), height = Math.Ceiling(size.GetProperty("height").GetDouble()), scale = 1 };
        var shot = await Send("Page.captureScreenshot", new { format = "png", captureBeyondViewport = true, clip });
        await File.WriteAllBytesAsync(path, Convert.FromBase64String(shot.GetProperty("data").GetString()!));
    }

    public async ValueTask DisposeAsync()
    {
        _cdp.Event -= OnEvent;
        try
        {
            await _cdp.SendAsync("Target.closeTarget", new { targetId = _target });
        }
        catch (Exception e) when (e is CdpException or TimeoutException)
        {
            // The browser is closing.
        }
    }

    private static string Js(string text) => JsonSerializer.Serialize(text);

    private Task<JsonElement> Send(string method, object? parameters = null) => _cdp.SendAsync(method, parameters, _session);

    private async Task<string> TryEvaluate(string expression)
    {
        try
        {
            return await EvaluateAsync<string>(expression) ?? "";
        }
        catch (Exception e) when (e is CdpException or TimeoutException)
        {
            return $"(unreadable: {e.Message})";
        }
    }

    private void OnEvent(string method, string? session, JsonElement parameters)
    {
        if (session != _session)
        {
            return;
        }

        string? error = method switch
        {
            "Runtime.exceptionThrown" => parameters.GetProperty("exceptionDetails") is var d && d.TryGetProperty("exception", out var ex) && ex.TryGetProperty("description", out var text)
                ? text.GetString() : parameters.GetProperty("exceptionDetails").GetProperty("text").GetString(),
            "Runtime.consoleAPICalled" when parameters.GetProperty("type").GetString() == "error" => string.Join(" ", parameters.GetProperty("args").EnumerateArray()
                .Select(a => a.TryGetProperty("value", out var v) ? v.ToString() : a.TryGetProperty("description", out var desc) ? desc.GetString() : "?")),
            "Log.entryAdded" when parameters.GetProperty("entry").GetProperty("level").GetString() == "error" => parameters.GetProperty("entry").GetProperty("text").GetString(),
            _ => null,
        };
        if (error is not null)
        {
            lock (_errors)
            {
                _errors.Add($"{method}: {error}");
            }
        }
    }
}
