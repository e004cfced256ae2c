// Optimal assignment with capacities: each left item (someone waiting for a mentor) gets at most one
// right item (a mentor, who can take `capacity` people), along edges with positive integer weights.
// It maximises the total weight and then, among equal totals, the number assigned — exactly, as a
// min-cost flow solved by the primal-dual method (Dijkstra with potentials, then every shortest
// augmenting path of that length at once). Deterministic: ties break by input order.

export interface AssignmentEdge {
  left: number;
  right: number;
  /** A positive integer: how good this pairing is. */
  weight: number;
}

export interface AssignmentProblem {
  leftCount: number;
  rightCapacity: readonly number[];
  edges: readonly AssignmentEdge[];
}

export interface Assignment {
  /** The index into `edges` of each chosen pairing, in left order. */
  chosen: number[];
  totalWeight: number;
}

/** A residual graph in flat typed arrays: edge id ^ 1 is an edge's reverse. */
class Graph {
  readonly head: Int32Array;
  readonly to: Int32Array;
  readonly next: Int32Array;
  readonly cap: Int32Array;
  readonly cost: Float64Array;
  private count = 0;

  constructor(readonly size: number, maxEdges: number) {
    this.head = new Int32Array(size).fill(-1);
    this.to = new Int32Array(2 * maxEdges);
    this.next = new Int32Array(2 * maxEdges);
    this.cap = new Int32Array(2 * maxEdges);
    this.cost = new Float64Array(2 * maxEdges);
  }

  /** Adds an edge and its residual twin; returns the forward edge's id. */
  add(u: number, v: number, cap: number, cost: number): number {
    const id = this.count;
    this.count += 2;
    this.to[id] = v;
    this.to[id + 1] = u;
    this.cap[id] = cap;
    this.cost[id] = cost;
    this.cost[id + 1] = -cost;
    this.next[id] = this.head[u]!;
    this.next[id + 1] = this.head[v]!;
    this.head[u] = id;
    this.head[v] = id + 1;
    return id;
  }
}

/** A binary heap of (distance, node), smallest first; equal distances by node number. */
class Heap {
  private keys: number[] = [];
  private nodes: number[] = [];

  get size() {
    return this.nodes.length;
  }

  push(key: number, node: number) {
    this.keys.push(key);
    this.nodes.push(node);
    let i = this.nodes.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }

  pop(): [number, number] {
    const top: [number, number] = [this.keys[0]!, this.nodes[0]!];
    const lastKey = this.keys.pop()!;
    const lastNode = this.nodes.pop()!;
    if (this.nodes.length > 0) {
      this.keys[0] = lastKey;
      this.nodes[0] = lastNode;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.nodes.length && this.less(l, m)) m = l;
        if (r < this.nodes.length && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }

  private less(a: number, b: number) {
    return this.keys[a]! < this.keys[b]! || (this.keys[a] === this.keys[b] && this.nodes[a]! < this.nodes[b]!);
  }

  private swap(a: number, b: number) {
    [this.keys[a], this.keys[b]] = [this.keys[b]!, this.keys[a]!];
    [this.nodes[a], this.nodes[b]] = [this.nodes[b]!, this.nodes[a]!];
  }
}

export function optimalAssignment(problem: AssignmentProblem): Assignment {
  const { leftCount, rightCapacity, edges } = problem;
  for (const e of edges) {
    if (!Number.isInteger(e.weight) || e.weight <= 0) throw new Error('assignment weights must be positive integers');
  }
  const rightCount = rightCapacity.length;
  const source = 0;
  const sink = leftCount + rightCount + 1;
  const g = new Graph(sink + 1, leftCount + edges.length + rightCount);
  // One unit of weight must outweigh any difference in how many are assigned.
  const scale = leftCount + 1;

  for (let l = 0; l < leftCount; l++) g.add(source, 1 + l, 1, 0);
  const edgeIds = edges.map((e) => g.add(1 + e.left, 1 + leftCount + e.right, 1, -(e.weight * scale + 1)));
  for (let r = 0; r < rightCount; r++) if (rightCapacity[r]! > 0) g.add(1 + leftCount + r, sink, rightCapacity[r]!, 0);

  // Potentials that make every reduced cost non-negative to begin with: the graph is layered, so
  // the shortest distances come from one pass over the layers.
  const pot = new Float64Array(g.size);
  for (const [i, e] of edges.entries()) {
    const v = 1 + leftCount + e.right;
    pot[v] = Math.min(pot[v]!, g.cost[edgeIds[i]!]!);
  }
  for (let r = 0; r < rightCount; r++) pot[sink] = Math.min(pot[sink]!, pot[1 + leftCount + r]!);

  const INF = Number.POSITIVE_INFINITY;
  const dist = new Float64Array(g.size);
  const reduced = (id: number, u: number) => g.cost[id]! + pot[u]! - pot[g.to[id]!]!;

  for (;;) {
    // Shortest distances from the source under reduced costs.
    dist.fill(INF);
    dist[source] = 0;
    const heap = new Heap();
    heap.push(0, source);
    while (heap.size > 0) {
      const [d, u] = heap.pop();
      if (d > dist[u]!) continue;
      for (let id = g.head[u]!; id !== -1; id = g.next[id]!) {
        if (g.cap[id]! <= 0) continue;
        const v = g.to[id]!;
        const nd = d + reduced(id, u);
        if (nd < dist[v]!) {
          dist[v] = nd;
          heap.push(nd, v);
        }
      }
    }
    if (dist[sink] === INF) break;
    const cap = dist[sink]!;
    for (let v = 0; v < g.size; v++) pot[v]! += Math.min(dist[v]!, cap);
    // A path now costs pot[sink] - pot[source]; one that costs nothing or more would not improve.
    if (pot[sink]! - pot[source]! >= 0) break;

    // Every shortest path at once: a blocking flow over edges of zero reduced cost, levelled by BFS
    // so the search cannot go round a zero-cost cycle.
    const level = new Int32Array(g.size).fill(-1);
    level[source] = 0;
    const queue = [source];
    for (let qi = 0; qi < queue.length; qi++) {
      const u = queue[qi]!;
      for (let id = g.head[u]!; id !== -1; id = g.next[id]!) {
        const v = g.to[id]!;
        if (g.cap[id]! > 0 && level[v] === -1 && reduced(id, u) === 0) {
          level[v] = level[u]! + 1;
          queue.push(v);
        }
      }
    }
    if (level[sink] === -1) break; // cannot happen with exact integer costs; a guard, not a path
    // Depth-first along admissible edges with an explicit stack (paths can be thousands of edges
    // long), each node's edge pointer kept between paths so dead ends are not walked twice.
    const current = Int32Array.from(g.head);
    const admissible = (id: number, u: number) => g.cap[id]! > 0 && level[g.to[id]!] === level[u]! + 1 && reduced(id, u) === 0;
    const path: number[] = [];
    for (;;) {
      let u = source;
      path.length = 0;
      while (u !== sink) {
        let id = current[u]!;
        while (id !== -1 && !admissible(id, u)) id = g.next[id]!;
        current[u] = id;
        if (id !== -1) {
          path.push(id);
          u = g.to[id]!;
          continue;
        }
        if (u === source) break;
        // A dead end: step back and skip the edge that led here.
        const back = path.pop()!;
        u = g.to[back ^ 1]!;
        current[u] = g.next[back]!;
      }
      if (u !== sink) break;
      for (const id of path) {
        g.cap[id]! -= 1;
        g.cap[id ^ 1]! += 1;
      }
    }
  }

  const chosen = edges.map((_, i) => i).filter((i) => g.cap[edgeIds[i]!] === 0);
  return { chosen, totalWeight: chosen.reduce((sum, i) => sum + edges[i]!.weight, 0) };
}

/** The obvious alternative, for comparison: best pairings first, while capacity lasts. */
export function greedyAssignment(problem: AssignmentProblem): Assignment {
  const remaining = [...problem.rightCapacity];
  const taken = new Set<number>();
  const order = problem.edges.map((_, i) => i).sort((a, b) => problem.edges[b]!.weight - problem.edges[a]!.weight || a - b);
  const chosen: number[] = [];
  for (const i of order) {
    const e = problem.edges[i]!;
    if (taken.has(e.left) || remaining[e.right]! <= 0) continue;
    taken.add(e.left);
    remaining[e.right]! -= 1;
    chosen.push(i);
  }
  chosen.sort((a, b) => a - b);
  return { chosen, totalWeight: chosen.reduce((sum, i) => sum + problem.edges[i]!.weight, 0) };
}
