/** Vitest global setup for the Workers tests: stops the `wrangler dev` that the config started, once the run ends. */
export default function setup() {
  return async () => {
    const stop = (globalThis as { __ccpmStopAssets?: () => Promise<void> }).__ccpmStopAssets
    await stop?.()
  }
}
