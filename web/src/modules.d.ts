// Cytoscape extensions that ship no types: each is a plugin function for cytoscape.use().
declare module 'cytoscape-fcose' {
  const plugin: import('cytoscape').Ext;
  export default plugin;
}
declare module 'cytoscape-svg' {
  const plugin: import('cytoscape').Ext;
  export default plugin;
}
