// kafkascope's loader: starts the WebAssembly app. Trunk writes the hashed
// file names into the <script> tag that loads this file (Trunk.toml,
// `pattern_script`), so the page holds no inline script and its
// Content-Security-Policy (index.html) can forbid inline scripts altogether.
const tag = document.querySelector('script[data-kafkascope-js]');
const bindings = await import(tag.dataset.kafkascopeJs);
const wasm = await bindings.default({ module_or_path: tag.dataset.kafkascopeWasm });
// As Trunk's own loader does: the exports for scripts of this page (the soak
// benchmark reads the memory size), and an event when the app has started.
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
