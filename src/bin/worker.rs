//! Entry point of each simulation Web Worker (loaded by web/worker_loader.js): see
//! `sufficiency::agent`.

fn main() {
    // Panics inside the worker (e.g. in the engine) are otherwise silent: log them to
    // the console. (yew sets this hook for the app, but nothing does in the worker.) The
    // trap that follows reaches the page as the worker's `error` event.
    console_error_panic_hook::set_once();
    sufficiency::agent::serve();
}
