/** Built by ui/vite.config.ts (pluginUiModules): one lazy import per plugins/<id>/ui/index.ts. */
declare module 'virtual:wuye-plugin-ui' {
  const modules: import('./plugin-ui-registry.js').PluginUiModules;
  export default modules;
}
