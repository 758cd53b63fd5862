fn main() {
    yew::Renderer::<sufficiency::ui::App>::new().render();
}
