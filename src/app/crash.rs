//! When the app's WebAssembly stops. Release builds abort on a panic (a trap), after which
//! nothing in the module runs again, so the banner that says so and offers a reload is
//! drawn by the page's boot script (`web/boot.js`), which also catches traps that are not
//! panics. The panic hook here passes it the panic's message first (and logs it).

use wasm_bindgen::JsCast;

/// Install the panic hook: log the panic and show the crash banner with its message.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(&info.to_string());
    }));
}

/// Show the crash banner (once) with `detail`, through the boot script.
pub fn show(detail: &str) {
    let Some(w) = web_sys::window() else { return };
    let Ok(f) = js_sys::Reflect::get(&w, &"__sufficiencyCrash".into()) else {
        return;
    };
    if let Some(f) = f.dyn_ref::<js_sys::Function>() {
        let _ = f.call1(&w, &detail.into());
    }
}
