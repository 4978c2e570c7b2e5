// The sandbox's stand-in for d3-scale-chromatic (vite.config.ts): only the categorical schemes vega-scale
// imports. d3's single-file build keeps all of its ramps and interpolators (5 KB gzip) whatever is used.

function colors(specifier: string): string[] {
  return Array.from({ length: specifier.length / 6 }, (_, i) => `#${specifier.slice(i * 6, i * 6 + 6)}`);
}

/** d3's category10. */
export const schemeCategory10 = colors("1f77b4ff7f0e2ca02cd627289467bd8c564be377c27f7f7fbcbd2217becf");
/** ColorBrewer's Accent. */
export const schemeAccent = colors("7fc97fbeaed4fdc086ffff99386cb0f0027fbf5b17666666");
/** ColorBrewer's Dark2. */
export const schemeDark2 = colors("1b9e77d95f027570b3e7298a66a61ee6ab02a6761d666666");
/** Observable's observable10. */
export const schemeObservable10 = colors("4269d0efb118ff725c6cc5b03ca951ff8ab7a463f297bbf59c6b4e9498a0");
/** ColorBrewer's Paired. */
export const schemePaired = colors("a6cee31f78b4b2df8a33a02cfb9a99e31a1cfdbf6fff7f00cab2d66a3d9affff99b15928");
/** ColorBrewer's Pastel1. */
export const schemePastel1 = colors("fbb4aeb3cde3ccebc5decbe4fed9a6ffffcce5d8bdfddaecf2f2f2");
/** ColorBrewer's Pastel2. */
export const schemePastel2 = colors("b3e2cdfdcdaccbd5e8f4cae4e6f5c9fff2aef1e2cccccccc");
/** ColorBrewer's Set1. */
export const schemeSet1 = colors("e41a1c377eb84daf4a984ea3ff7f00ffff33a65628f781bf999999");
/** ColorBrewer's Set2. */
export const schemeSet2 = colors("66c2a5fc8d628da0cbe78ac3a6d854ffd92fe5c494b3b3b3");
/** ColorBrewer's Set3. */
export const schemeSet3 = colors("8dd3c7ffffb3bebadafb807280b1d3fdb462b3de69fccde5d9d9d9bc80bdccebc5ffed6f");
