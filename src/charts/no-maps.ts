// The sandbox's stand-in for d3-geo and topojson-client (vite.config.ts): charts draw no maps (no
// projection is bundled, see vega-core.ts), so the geo expression functions and TopoJSON reading refuse.
import { chartFrameText } from "../messages/chart-frame";

const refuse = (): never => {
  throw new Error(chartFrameText().projectionMissing());
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
