//! Small browser helpers (downloads, clipboard, the address bar, clocks). Every one fails
//! quietly (returns an error or nothing) rather than panicking.

use wasm_bindgen::JsCast;

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// A timestamp for key and file names: `2026-01-02T03-04-05Z`.
pub fn timestamp() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    let trimmed = iso.split('.').next().unwrap_or(&iso).replace(':', "-");
    format!("{trimmed}Z")
}

/// Save `text` as a file the user downloads.
pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    let blob = gloo::file::Blob::new_with_options(text, Some(mime));
    let url = gloo::file::ObjectUrl::from(blob);
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "cannot create a link")?
        .dyn_into()
        .map_err(|_| "cannot create a link")?;
    a.set_href(&url);
    a.set_download(filename);
    a.click();
    // Keep the object URL alive a little while the download starts.
    gloo::timers::callback::Timeout::new(10_000, move || drop(url)).forget();
    Ok(())
}

/// Put `text` on the clipboard; the error says why it is not there (no clipboard, or the
/// browser refused).
pub async fn copy_to_clipboard(text: &str) -> Result<(), String> {
    let navigator = web_sys::window().ok_or("no window")?.navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .ok()
        .filter(|c| !c.is_undefined() && !c.is_null())
        .ok_or("this browser has no clipboard here")?;
    let clipboard: web_sys::Clipboard = clipboard.unchecked_into();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|e| {
            js_sys::Reflect::get(&e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_else(|| "the browser refused".into())
        })
}

pub fn location_href() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

pub fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// A query parameter of the page's address (`?workers=3`).
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

/// Remove the fragment from the address bar without reloading.
pub fn clear_hash() {
    let Some(w) = web_sys::window() else { return };
    let href = w.location().href().unwrap_or_default();
    let base = href.split('#').next().unwrap_or(&href).to_string();
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&base));
    }
}

/// Workers to use: `?workers=N` if given, else `navigator.hardwareConcurrency`, 1-16.
pub fn worker_count() -> usize {
    if let Some(n) = query_param("workers").and_then(|v| v.parse::<usize>().ok()) {
        return n.clamp(1, 16);
    }
    web_sys::window()
        .map(|w| w.navigator().hardware_concurrency() as usize)
        .unwrap_or(1)
        .clamp(1, 16)
}
