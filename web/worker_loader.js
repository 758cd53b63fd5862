// Entry script of every simulation Web Worker (spawned by src/pool.rs).
// Replaces Trunk's `data-loader-shim`, which uses wasm-bindgen's deprecated
// positional init argument (logs a console warning per worker).
importScripts('./worker.js');
wasm_bindgen({ module_or_path: './worker_bg.wasm' });
