// The map's outlines, made by dashboard/world.ts when the dashboard is built (see build.ts).
declare module 'tidemark:world' {
  const world: import('../world.ts').WorldMap;
  export default world;
}
