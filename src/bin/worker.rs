use sufficiency::agent::SimReactor;
use yew_agent::Registrable;

fn main() {
    SimReactor::registrar().register();
}
