// Boots the Yew app without an inline <script> (the CSP forbids inline scripts).
// Trunk replaces the rust <link> with the <script data-app-js data-app-wasm> tag
// that loads this file (see `pattern_script` in Trunk.toml); the data attributes
// carry the hashed file names.
const tag = document.querySelector('script[data-app-js]');
const { default: init } = await import(tag.dataset.appJs);
await init({ module_or_path: tag.dataset.appWasm });
dispatchEvent(new CustomEvent('TrunkApplicationStarted'));
