// The sandbox's stand-in for d3-geo and topojson-client (vite.config.ts): charts draw no maps (no
// projection is bundled, see vega-core.ts), so the geo expression functions and TopoJSON reading refuse.
import { chartMessages } from "../messages/charts";

const refuse = (): never => {
  throw new Error(chartMessages.vegaProjectionMissing());
};

/** Refuses: d3-geo's geoArea is for maps. */
export const geoArea = refuse;
/** Refuses: d3-geo's geoBounds is for maps. */
export const geoBounds = refuse;
/** Refuses: d3-geo's geoCentroid is for maps. */
export const geoCentroid = refuse;
/** Refuses: TopoJSON features are for maps. */
export const feature = refuse;
/** Refuses: TopoJSON meshes are for maps. */
export const mesh = refuse;
