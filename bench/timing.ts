// How the benchmarks time a step: milliseconds since a start, and the median of three runs.
const ms = (start: number) => Math.round(performance.now() - start);

export async function median(f: () => Promise<unknown>, runs = 3): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await f();
    times.push(ms(start));
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}
