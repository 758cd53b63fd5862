use sufficiency::agent::SimReactor;
use yew_agent::Registrable;

fn main() {
    // Panics inside the worker (e.g. in the engine) are otherwise silent: log them to
    // the console. (yew sets this hook for the app, but nothing does in the worker.)
    console_error_panic_hook::set_once();
    SimReactor::registrar().register();
}
