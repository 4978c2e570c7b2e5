// Vega's own packages ship no types: charts/vega-core.ts gives what it takes from them the `vega` types.
declare module "vega-dataflow";
declare module "vega-transforms";
declare module "vega-view-transforms";
declare module "vega-encode";
declare module "vega-regression";
declare module "vega-voronoi";
declare module "vega-view";
declare module "vega-parser";
declare module "vega-functions";
declare module "vega-loader";
declare module "vega-format";
