fn main() {
    sufficiency::app::crash::install();
    yew::Renderer::<sufficiency::app::App>::new().render();
}
