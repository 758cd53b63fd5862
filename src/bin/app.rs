fn main() {
    yew::Renderer::<sufficiency::app::App>::new().render();
}
