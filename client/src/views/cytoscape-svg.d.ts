// cytoscape-svg 0.4.0 ships no types: an extension registered with cytoscape.use(), adding cy.svg().
declare module 'cytoscape-svg' {
  import type cytoscape from 'cytoscape';
  const extension: cytoscape.Ext;
  export default extension;
}
