/** Samples the process's memory every few milliseconds and keeps the peaks. */
export function sampleMemory(everyMs = 20): { stop(): { peakRssMb: number; peakHeapMb: number } } {
  let peakRss = 0;
  let peakHeap = 0;
  const take = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return { peakRssMb: mb(peakRss), peakHeapMb: mb(peakHeap) };
    },
  };
}

export const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

/** A full collection when the process runs with --expose-gc; false when it cannot. */
export function collectGarbage(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return false;
  gc();
  return true;
}
